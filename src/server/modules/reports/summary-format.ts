import type { SummaryStyle } from '../../../contracts/reports';
import {
  defaultRounding,
  displayFigure as displayAs,
  type FigureRounding,
} from '../../../contracts/summary-figures';

export { approxFigure, defaultRounding, type FigureRounding } from '../../../contracts/summary-figures';

/**
 * How a count reads in a summary: per figure (`exact`, `approx`) or under a document style
 * (`approximate` rounds, `exact` and `mixed` — before each figure gets its own — do not). The
 * rounding rule is in contracts/summary-figures.ts: 1286 → 1280余, 3046 → 3000余, 63 → 60余.
 */
export const displayFigure = (value: number, rounding: FigureRounding | SummaryStyle): string =>
  displayAs(value, rounding === 'approx' || rounding === 'approximate' ? 'approx' : 'exact');

/** Is this indicator a stock (a count at a moment) rather than a flow (events in the period)? */
export type IsStock = (indicatorKey: string) => boolean;

/**
 * A figure's rounding under a document style — the style applied to all: `exact` and `approximate`
 * set every figure alike; `mixed` gives each its default (stocks exact, flows of 100 and more 约数).
 */
export const roundingFor = (style: SummaryStyle, value: number, isStock: boolean): FigureRounding =>
  style === 'exact' ? 'exact' : style === 'approximate' ? 'approx' : defaultRounding(value, isStock);

/** 2024-12-31 → 2024年12月31日 (成文日期: Arabic numerals, no leading zeros, GB/T 9704). */
export const chineseDate = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
