import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../../../lib/uuid-v7';

describe('uuidV7', () => {
  it('is a v7 uuid whose first 48 bits are the time, so ids made later sort later', () => {
    const a = uuidV7(1_700_000_000_000);
    const b = uuidV7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.replace(/-/g, '').slice(0, 12)).toBe((1_700_000_000_000).toString(16).padStart(12, '0'));
    expect(a < b).toBe(true);
    expect(uuidV7()).not.toBe(uuidV7());
  });
});
