import { describe, expect, it } from 'vitest';
import { activityDatesZh } from './activities';

describe('activityDatesZh: the days of an activity as a Chinese text writes them', () => {
  it('one day, and days within a month, across months and across years', () => {
    expect(activityDatesZh('2026-03-08')).toBe('3月8日');
    expect(activityDatesZh('2026-03-08', null, true)).toBe('2026年3月8日');
    expect(activityDatesZh('2026-06-01', '2026-06-03')).toBe('6月1日至3日');
    expect(activityDatesZh('2026-06-01', '2026-06-03', true)).toBe('2026年6月1日至3日');
    expect(activityDatesZh('2026-06-30', '2026-07-02')).toBe('6月30日至7月2日');
    expect(activityDatesZh('2025-12-30', '2026-01-02')).toBe('2025年12月30日至2026年1月2日');
  });

  it('an end on (or before) the start day is one day', () => {
    expect(activityDatesZh('2026-06-01', '2026-06-01')).toBe('6月1日');
  });
});
