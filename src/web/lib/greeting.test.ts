import { describe, expect, it } from 'vitest';
import { greetingKey, shanghaiHour } from './greeting';

describe('greeting', () => {
  it('follows the hour in China, not the device zone', () => {
    // 09:20 UTC is 17:20 in Shanghai: afternoon, though a UTC device reads the morning.
    expect(shanghaiHour(new Date('2026-11-29T09:20:00Z'))).toBe(17);
    expect(greetingKey(new Date('2026-11-29T09:20:00Z'))).toBe('home.greeting.afternoon');
    expect(greetingKey(new Date('2026-11-29T23:30:00Z'))).toBe('home.greeting.morning');
    expect(greetingKey(new Date('2026-11-29T04:00:00Z'))).toBe('home.greeting.noon');
    expect(greetingKey(new Date('2026-11-29T12:00:00Z'))).toBe('home.greeting.evening');
    expect(shanghaiHour(new Date('2026-11-29T16:00:00Z'))).toBe(0);
  });
});
