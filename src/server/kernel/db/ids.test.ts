import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7 } from './ids';

const timestampOf = (id: string) => Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe('UUID v7 ids', () => {
  it('carry version 7 and the RFC 9562 variant, and pass z.uuid()', () => {
    for (let i = 0; i < 200; i++) {
      const id = uuidv7();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(z.uuidv7().safeParse(id).success).toBe(true);
    }
  });

  it('lead with the millisecond they were made', () => {
    const now = Date.UTC(2026, 2, 5, 8, 0, 0, 123);
    expect(timestampOf(uuidv7(now))).toBe(now);
    const before = Date.now();
    const id = uuidv7();
    expect(timestampOf(id)).toBeGreaterThanOrEqual(before);
    expect(timestampOf(id)).toBeLessThanOrEqual(Date.now());
  });

  it('ids made 1 ms apart sort in time order, whatever their random part', () => {
    const start = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 500 }, (_, i) => uuidv7(start + i));
    expect([...ids].sort()).toEqual(ids);
  });

  it('ids made one after another on the clock sort in the order they were made', async () => {
    const first = uuidv7();
    await new Promise((r) => setTimeout(r, 2));
    const second = uuidv7();
    expect(first < second).toBe(true);
  });

  it('are unique', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7()));
    expect(ids.size).toBe(10_000);
  });
});
