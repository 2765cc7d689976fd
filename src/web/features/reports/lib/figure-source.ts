import type { FigureSource, Period } from '../../../../contracts/reports';
import type { IndicatorRecordsParams } from '../api/keys';

/**
 * The records query behind a figure: an `orgUnit` filter narrows the scope to that child unit,
 * other filters become the records API's dimension/value pairs (it takes two).
 */
export const recordsParamsOf = (
  s: Pick<FigureSource, 'filters' | 'period' | 'orgUnitId'>,
): Omit<IndicatorRecordsParams, 'page' | 'pageSize'> => {
  const { orgUnit, ...rest } = s.filters;
  const pairs = Object.entries(rest).sort(([a], [b]) => a.localeCompare(b));
  const [first, second] = pairs;
  return {
    from: s.period.from,
    to: s.period.to,
    orgUnitId: orgUnit || s.orgUnitId,
    ...(first ? { dimension: first[0], value: first[1] } : {}),
    ...(second ? { dimension2: second[0], value2: second[1] } : {}),
  };
};

/** “2026年1月1日—2026年11月30日”; a whole month or year reads as such. */
export const periodText = (p: Period, isEn = false): string => {
  const [fy, fm, fd] = p.from.split('-').map(Number);
  const [ty, tm, td] = p.to.split('-').map(Number);
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const wholeMonths = fd === 1 && td === lastDay;
  if (isEn) {
    if (wholeMonths && fy === ty && fm === 1 && tm === 12) return String(fy);
    if (wholeMonths && fy === ty && fm === tm) return `${fy}-${String(fm).padStart(2, '0')}`;
    return `${p.from} – ${p.to}`;
  }
  if (wholeMonths && fy === ty && fm === 1 && tm === 12) return `${fy}年`;
  if (wholeMonths && fy === ty && fm === tm) return `${fy}年${fm}月`;
  if (wholeMonths && fy === ty) return `${fy}年${fm}—${tm}月`;
  return `${fy}年${fm}月${fd}日—${ty}年${tm}月${td}日`;
};

/**
 * The smallest base a percentage is shown against: below it a change reads as a difference
 * (比去年同期 +7), never as ↑700%.
 */
export const MIN_PERCENT_BASE = 10;

/**
 * Year-on-year change: the difference, and the ratio only when last year's figure is a meaningful base
 * (≥ MIN_PERCENT_BASE); `null` otherwise.
 */
export const changeOf = (current: number, lastYear: number): { delta: number; ratio: number | null } => ({
  delta: current - lastYear,
  ratio: lastYear >= MIN_PERCENT_BASE ? (current - lastYear) / lastYear : null,
});

/** How a change reads: 持平, a percentage (on a meaningful base) or a signed difference; up or down. */
export type ChangeText = { direction: 'same' | 'up' | 'down'; text: string };

export const changeText = (current: number, lastYear: number): ChangeText => {
  const { delta, ratio } = changeOf(current, lastYear);
  if (delta === 0) return { direction: 'same', text: '0' };
  const direction = delta > 0 ? 'up' : 'down';
  const sign = delta > 0 ? '+' : '−';
  const pct = ratio === null ? null : Math.round(Math.abs(ratio) * 100);
  // A change under 1% of a large base still reads as a percentage, not as “+0%”.
  if (pct !== null) return { direction, text: `${sign}${pct === 0 ? '<1' : pct}%` };
  return { direction, text: `${sign}${Math.abs(delta)}` };
};
