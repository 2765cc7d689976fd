import { describe, expect, it } from 'vitest';
import { figurePeriods, sameDayLastYear } from './dashboard.service';

describe('figurePeriods', () => {
  it('runs a running month to today and sets it against the same days last year', () => {
    expect(figurePeriods(2026, 12, '2026-12-07')).toEqual({
      asOf: '2026-12-07',
      isMonthRunning: true,
      periods: {
        year: { from: '2026-01-01', to: '2026-12-07' },
        month: { from: '2026-12-01', to: '2026-12-07' },
        lastYear: { from: '2025-01-01', to: '2025-12-07' },
        lastYearMonth: { from: '2025-12-01', to: '2025-12-07' },
      },
    });
  });

  it('takes a past month whole', () => {
    const p = figurePeriods(2026, 10, '2026-12-07');
    expect([p.asOf, p.isMonthRunning]).toEqual(['2026-10-31', false]);
    expect(p.periods.lastYear).toEqual({ from: '2025-01-01', to: '2025-10-31' });
  });

  it('reads 29 February a year before as 28 February', () => {
    expect(sameDayLastYear('2028-02-29')).toBe('2027-02-28');
    expect(sameDayLastYear('2026-03-31')).toBe('2025-03-31');
  });
});
