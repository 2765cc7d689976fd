/**
 * How a number reads in a work summary, shared by the server (drafting, saving, the .docx) and the
 * editor (a chip switched between 精确 and 约数).
 *
 * `exact`: the number as counted. `approx` (约数): rounded DOWN to the coarsest round number — a
 * multiple of 10, 100, 1000 … — that leaves out less than 5 % of the count, followed by 余:
 * 1286 → 1280余 (1200 would leave out 6.7 %), 3046 → 3000余, 63 → 60余, 6418 → 6400余,
 * 15645 → 15000余; from 100,000 up in 万 (3,512,345 → 350万余, 109,500 → 10.9万余). A number that no
 * round number comes that close to (67, 138), a number under 10 and one that is already round
 * (1200, 90万) stays exact: 约数 never overstates and never strays by more than one part in twenty.
 * This is how the seed summaries write their large flows (1100余场次, 1300余人次, 巡查3000余次).
 */
export type FigureRounding = 'exact' | 'approx';

/** Leaves out less than this share of the count. */
const MAX_DROP = 0.05;

export const approxFigure = (value: number): string => {
  if (!Number.isInteger(value) || value < 10) return String(value);
  const wan = (n: number) => `${Number((n / 10_000).toFixed(1))}万`;
  for (let step = 10 ** (String(value).length - 1); step >= 10; step /= 10) {
    const floored = Math.floor(value / step) * step;
    if (value - floored >= value * MAX_DROP) continue;
    if (floored === value) return value >= 100_000 && value % 1_000 === 0 ? wan(value) : String(value);
    return `${floored >= 100_000 && floored % 1_000 === 0 ? wan(floored) : floored}余`;
  }
  return String(value);
};

export const displayFigure = (value: number, rounding: FigureRounding): string =>
  rounding === 'approx' ? approxFigure(value) : String(value);

/**
 * The default per figure: a stock (a count at a moment: 户数, 人数, 执委 … 名) is exact; a flow
 * (events in the period: 场次, 人次, 次) of 100 and more is 约数; a smaller flow is exact.
 */
export const defaultRounding = (value: number, isStock: boolean): FigureRounding =>
  !isStock && value >= 100 ? 'approx' : 'exact';
