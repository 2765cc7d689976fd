import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  formatPeriod,
  isLeapYear,
  monthBounds,
  type Period,
  parsePeriod,
  periodBounds,
  periodContaining,
  periodIndexLabelZh,
  periodIndexOfMonth,
  periodLabel,
  periodOfIndex,
  previousMonth,
} from './period';

describe('period bounds and labels', () => {
  it('calendar year, half year, quarter and month', () => {
    expect(periodBounds({ kind: 'year', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodBounds({ kind: 'halfYear', year: 2026, half: 2 })).toEqual({
      from: '2026-07-01',
      to: '2026-12-31',
    });
    expect(periodBounds({ kind: 'quarter', year: 2026, quarter: 2 })).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(periodBounds({ kind: 'month', year: 2026, month: 11 })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(periodLabel({ kind: 'year', year: 2026 })).toBe('2026年');
    expect(periodLabel({ kind: 'halfYear', year: 2026, half: 1 })).toBe('2026年上半年');
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 3 })).toBe('2026年第三季度');
    expect(periodLabel({ kind: 'month', year: 2026, month: 3 })).toBe('2026年3月');
  });

  it("a statistical year from April to March (两癌's year), across a leap February", () => {
    const fy: Period = { kind: 'year', year: 2027, startMonth: 4 };
    expect(periodBounds(fy)).toEqual({ from: '2027-04-01', to: '2028-03-31' });
    expect(periodLabel(fy)).toBe('2027年度（2027年4月至2028年3月）');
    // 2028-02-29 falls in the 2027 statistical year; 2028-04-01 starts the next.
    expect(periodContaining('year', '2028-02-29', { startMonth: 4 })).toEqual(fy);
    expect(periodContaining('year', '2028-04-01', { startMonth: 4 })).toEqual({
      kind: 'year',
      year: 2028,
      startMonth: 4,
    });
    expect(periodBounds({ kind: 'year', year: 2026, startMonth: 12 })).toEqual({
      from: '2026-12-01',
      to: '2027-11-30',
    });
  });

  it('leap years: February, day arithmetic and the century rule', () => {
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2024)).toBe(true);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(periodBounds({ kind: 'quarter', year: 2028, quarter: 1 }).to).toBe('2028-03-31');
    expect(parsePeriod('2028-02-29..2028-03-01')).toEqual({
      kind: 'custom',
      from: '2028-02-29',
      to: '2028-03-01',
    });
    expect(parsePeriod('2026-02-29..2026-03-01')).toBeUndefined();
  });

  it('month steps across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it('custom ranges keep their days', () => {
    const p: Period = { kind: 'custom', from: '2026-01-15', to: '2026-11-20' };
    expect(periodBounds(p)).toEqual({ from: '2026-01-15', to: '2026-11-20' });
    expect(periodLabel(p)).toBe('2026-01-15 至 2026-11-20');
  });
});

describe('parsing', () => {
  const forms: Period[] = [
    { kind: 'year', year: 2026 },
    { kind: 'year', year: 2026, startMonth: 4 },
    { kind: 'halfYear', year: 2026, half: 2 },
    { kind: 'quarter', year: 2026, quarter: 4 },
    { kind: 'month', year: 2026, month: 9 },
    { kind: 'custom', from: '2026-01-15', to: '2026-11-20' },
  ];
  it('reads what it writes', () => {
    for (const p of forms) expect(parsePeriod(formatPeriod(p))).toEqual(p);
    expect(formatPeriod({ kind: 'year', year: 2026, startMonth: 4 })).toBe('2026@4');
  });
  it('refuses what is not a period', () => {
    for (const s of ['2026-13', '2026-Q5', '2026@13', '2026-12-01..2026-01-01', 'last year', ''])
      expect(parsePeriod(s), s).toBeUndefined();
  });
});

describe('repeating periods of a report', () => {
  it('index of a month, the period of an index, its short name', () => {
    expect(periodIndexOfMonth('quarter', 5)).toBe(2);
    expect(periodIndexOfMonth('halfYear', 7)).toBe(2);
    expect(periodIndexOfMonth('month', 11)).toBe(11);
    expect(periodIndexOfMonth('year', 11)).toBe(1);
    expect(periodOfIndex('quarter', 2026, 9)).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(periodIndexLabelZh('quarter', 1)).toBe('第一季度');
    expect(periodIndexLabelZh('halfYear', 2)).toBe('下半年');
    expect(periodContaining('quarter', '2026-05-20')).toEqual({ kind: 'quarter', year: 2026, quarter: 2 });
  });
});
