/**
 * The one period type of the platform, shared by the server (indicators, reports, ledgers) and the
 * web: calendar years, half years, quarters and months, a statistical year that starts in another
 * month (两癌's April–March year), and a custom range of days. Dates are `YYYY-MM-DD` strings in the
 * users' calendar; every computation is on whole dates (UTC arithmetic, no time zones).
 */

/** A closed range of days, both ends included. */
export type DateRange = { from: string; to: string };

export type Period =
  /** A year; with `startMonth` (2–12) a statistical year from that month of `year` to the month before it in `year + 1`. */
  | { kind: 'year'; year: number; startMonth?: number }
  | { kind: 'halfYear'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'custom'; from: string; to: string };
export type PeriodKind = Period['kind'];

const pad = (n: number) => String(n).padStart(2, '0');
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month (1–12): February of a leap year has 29. */
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const isLeapYear = (year: number) => daysInMonth(year, 2) === 29;

/** `2026-03-05` + 30 → `2026-04-04` (negative days go back). */
export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** `2026-03-15` → `2026-03`. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** `2026-03` + n months → `2026-04` (n may be negative). */
export const addMonths = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${pad((k % 12) + 1)}`;
};

export const previousMonth = (month: string): string => addMonths(month, -1);

/** The days of a month `2026-02` → 2026-02-01 … 2026-02-28. */
export const monthBounds = (month: string): DateRange => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${pad(daysInMonth(y, m))}` };
};

/** Months `fromMonth`–`toMonth` of a year (1-based, inclusive; `toMonth` may pass 12 into the next year). */
export const monthsRange = (year: number, fromMonth: number, toMonth: number): DateRange => ({
  from: monthBounds(`${year}-${pad(fromMonth)}`).from,
  to: monthBounds(addMonths(`${year}-01`, toMonth - 1)).to,
});

/** The first and last day of a period. */
export const periodBounds = (p: Period): DateRange => {
  switch (p.kind) {
    case 'year': {
      const start = p.startMonth ?? 1;
      return monthsRange(p.year, start, start + 11);
    }
    case 'halfYear':
      return monthsRange(p.year, p.half === 1 ? 1 : 7, p.half === 1 ? 6 : 12);
    case 'quarter':
      return monthsRange(p.year, p.quarter * 3 - 2, p.quarter * 3);
    case 'month':
      return monthsRange(p.year, p.month, p.month);
    case 'custom':
      return { from: p.from, to: p.to };
  }
};

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 21 → 二十一 (up to 99). */
export const chineseNumeral = (n: number): string => {
  if (n <= 10) return NUMERALS[n];
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens]}十${ones ? NUMERALS[ones] : ''}`;
};

/** The zh-CN name of a period: 2026年, 2026年上半年, 2026年第一季度, 2026年3月, 2026年度（2026年4月至2027年3月）. */
export const periodLabel = (p: Period): string => {
  switch (p.kind) {
    case 'year': {
      if (!p.startMonth || p.startMonth === 1) return `${p.year}年`;
      const end = addMonths(`${p.year}-${pad(p.startMonth)}`, 11);
      return `${p.year}年度（${p.year}年${p.startMonth}月至${end.slice(0, 4)}年${Number(end.slice(5))}月）`;
    }
    case 'halfYear':
      return `${p.year}年${p.half === 1 ? '上半年' : '下半年'}`;
    case 'quarter':
      return `${p.year}年第${chineseNumeral(p.quarter)}季度`;
    case 'month':
      return `${p.year}年${p.month}月`;
    case 'custom':
      return `${p.from} 至 ${p.to}`;
  }
};

/** The period of a kind holding a date (本月, 本季度, 本年; a statistical year by its start month). */
export const periodContaining = (
  kind: Exclude<PeriodKind, 'custom'>,
  date: string,
  opts: { startMonth?: number } = {},
): Period => {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'month') return { kind, year, month };
  if (kind === 'quarter') return { kind, year, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4 };
  if (kind === 'halfYear') return { kind, year, half: month <= 6 ? 1 : 2 };
  const start = opts.startMonth ?? 1;
  if (start === 1) return { kind, year };
  return { kind, year: month >= start ? year : year - 1, startMonth: start };
};

/** The text form of a period, the inverse of `parsePeriod`: 2026, 2026-H1, 2026-Q1, 2026-03, 2026@4, 2026-01-15..2026-11-20. */
export const formatPeriod = (p: Period): string => {
  switch (p.kind) {
    case 'year':
      return p.startMonth && p.startMonth !== 1 ? `${p.year}@${p.startMonth}` : String(p.year);
    case 'halfYear':
      return `${p.year}-H${p.half}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'month':
      return `${p.year}-${pad(p.month)}`;
    case 'custom':
      return `${p.from}..${p.to}`;
  }
};

const isDate = (s: string) => {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
};

/** Reads `formatPeriod`'s forms; undefined for anything else (a 13th month, 2026-02-30, a reversed range). */
export const parsePeriod = (text: string): Period | undefined => {
  const s = text.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = /^(\d{4})@(\d{1,2})$/.exec(s);
  if (m) {
    const startMonth = Number(m[2]);
    if (startMonth < 1 || startMonth > 12) return undefined;
    return startMonth === 1
      ? { kind: 'year', year: Number(m[1]) }
      : { kind: 'year', year: Number(m[1]), startMonth };
  }
  m = /^(\d{4})-H([12])$/.exec(s);
  if (m) return { kind: 'halfYear', year: Number(m[1]), half: Number(m[2]) as 1 | 2 };
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[1]), month } : undefined;
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s);
  if (m && isDate(m[1]) && isDate(m[2]) && m[1] <= m[2]) return { kind: 'custom', from: m[1], to: m[2] };
  return undefined;
};

/** A report's repeating period types: how many a year has, which holds a month, and their zh-CN short names. */
export type RepeatingKind = 'month' | 'quarter' | 'halfYear' | 'year';

export const periodsPerYear = (kind: RepeatingKind): number =>
  ({ month: 12, quarter: 4, halfYear: 2, year: 1 })[kind];

/** The index (1-based) of the period of this kind that holds the month (1–12). */
export const periodIndexOfMonth = (kind: RepeatingKind, month: number): number =>
  Math.ceil(month / (12 / periodsPerYear(kind)));

/** The `index`-th period of a kind in a year (clamped to the kind's range). */
export const periodOfIndex = (kind: RepeatingKind, year: number, index: number): Period => {
  const i = Math.min(Math.max(index, 1), periodsPerYear(kind));
  if (kind === 'month') return { kind, year, month: i };
  if (kind === 'quarter') return { kind, year, quarter: i as 1 | 2 | 3 | 4 };
  if (kind === 'halfYear') return { kind, year, half: i as 1 | 2 };
  return { kind, year };
};

/** 3月, 第一季度, 上半年, 全年: a period's name within its year. */
export const periodIndexLabelZh = (kind: RepeatingKind, index: number): string => {
  if (kind === 'month') return `${index}月`;
  if (kind === 'quarter') return `第${chineseNumeral(index)}季度`;
  if (kind === 'halfYear') return index === 1 ? '上半年' : '下半年';
  return '全年';
};
