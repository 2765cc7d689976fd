import type { SummaryStyle } from '../../../contracts/reports';

/**
 * How a count reads in a summary. `exact`: the number as counted. `approximate`: rounded DOWN to
 * its leading digit (two-digit numbers) or two leading digits (larger), followed by 余 — 67 → 60余,
 * 1234 → 1200余, 15645 → 15000余 — and from 100,000 up in 万 (3,512,345 → 351万余); never above the
 * count; numbers under 10, and numbers that are already round (1200, 90万), stay exact.
 */
export const displayFigure = (value: number, style: SummaryStyle): string => {
  if (style === 'exact' || !Number.isInteger(value) || value < 10) return String(value);
  if (value >= 100_000) {
    const wan = Math.floor(value / 10_000);
    return wan * 10_000 === value ? `${wan}万` : `${wan}万余`;
  }
  const digits = String(value).length;
  const keep = digits <= 2 ? 1 : 2;
  const step = 10 ** (digits - keep);
  const floored = Math.floor(value / step) * step;
  return floored === value ? String(value) : `${floored}余`;
};

/** 2024-12-31 → 2024年12月31日 (成文日期: Arabic numerals, no leading zeros, GB/T 9704). */
export const chineseDate = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
