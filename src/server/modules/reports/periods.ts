import type { Period, ReportPeriodType } from '../../../contracts/reports';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Months `from`–`to` (1-based, inclusive) of a year as a date period. */
export const monthsPeriod = (year: number, from: number, to: number): Period => ({
  from: `${year}-${pad(from)}-01`,
  to: `${year}-${pad(to)}-${pad(lastDay(year, to))}`,
});

export const yearPeriod = (year: number) => monthsPeriod(year, 1, 12);
export const monthPeriod = (year: number, month: number) => monthsPeriod(year, month, month);
export const quarterPeriod = (year: number, quarter: number) =>
  monthsPeriod(year, quarter * 3 - 2, quarter * 3);

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 21 → 二十一 (section numbers up to 99). */
export const chineseNumeral = (n: number): string => {
  if (n <= 10) return NUMERALS[n];
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens]}十${ones ? NUMERALS[ones] : ''}`;
};

/** The period of a report definition for a year and an index (month, quarter or half). */
export const reportPeriod = (type: ReportPeriodType, year: number, index: number) => {
  if (type === 'month') {
    const m = Math.min(Math.max(index, 1), 12);
    return { period: monthPeriod(year, m), label: `${year}年${m}月` };
  }
  if (type === 'quarter') {
    const q = Math.min(Math.max(index, 1), 4);
    return { period: quarterPeriod(year, q), label: `${year}年第${chineseNumeral(q)}季度` };
  }
  if (type === 'halfYear') {
    const h = Math.min(Math.max(index, 1), 2);
    return {
      period: monthsPeriod(year, h === 1 ? 1 : 7, h === 1 ? 6 : 12),
      label: `${year}年${h === 1 ? '上半年' : '下半年'}`,
    };
  }
  return { period: yearPeriod(year), label: `${year}年` };
};
