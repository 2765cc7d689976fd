import {
  chineseNumeral,
  monthsRange,
  periodBounds,
  periodLabel,
  periodOfIndex,
} from '../../../contracts/common/period';
import type { Period, ReportPeriodType } from '../../../contracts/reports';

export { chineseNumeral };

/** Months `from`–`to` (1-based, inclusive) of a year as a date period. */
export const monthsPeriod = (year: number, from: number, to: number): Period => monthsRange(year, from, to);

export const yearPeriod = (year: number): Period => periodBounds({ kind: 'year', year });
export const monthPeriod = (year: number, month: number): Period =>
  periodBounds({ kind: 'month', year, month });
export const quarterPeriod = (year: number, quarter: number): Period =>
  periodBounds({ kind: 'quarter', year, quarter: quarter as 1 | 2 | 3 | 4 });

/** The period of a report definition for a year and an index (month, quarter or half). */
export const reportPeriod = (type: ReportPeriodType, year: number, index: number) => {
  const p = periodOfIndex(type, year, index);
  return { period: periodBounds(p), label: periodLabel(p) };
};
