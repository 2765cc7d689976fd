import { describe, expect, it } from 'vitest';
import { approxFigure, chineseDate, defaultRounding, displayFigure, roundingFor } from './summary-format';

describe('约数: the coarsest round number that leaves out less than 5 %, then 余', () => {
  it('reads like the seed summaries, never the crude two leading digits', () => {
    expect(approxFigure(1286)).toBe('1280余'); // 1200 would leave out 6.7 %
    expect(approxFigure(3046)).toBe('3000余');
    expect(approxFigure(63)).toBe('60余');
    expect(approxFigure(1108)).toBe('1100余');
    expect(approxFigure(6418)).toBe('6400余');
    expect(approxFigure(15645)).toBe('15000余');
    expect(approxFigure(3_512_345)).toBe('350万余');
    expect(approxFigure(109_500)).toBe('10.9万余');
  });
  it('never overstates, and never leaves out 5 % or more', () => {
    for (let n = 10; n < 30_000; n += 7) {
      const shown = approxFigure(n);
      const value = shown.includes('万')
        ? Number(shown.replace(/万余?$/, '')) * 10_000
        : Number(shown.replace(/余$/, ''));
      expect(value, `${n} → ${shown}`).toBeLessThanOrEqual(n);
      expect(n - value, `${n} → ${shown}`).toBeLessThan(n * 0.05);
      expect(shown.endsWith('余'), `${n} → ${shown}`).toBe(value !== n);
    }
  });
  it('numbers no round number comes close to, small ones and round ones stay exact', () => {
    for (const n of [0, 9, 67, 138, 60, 1200]) expect(approxFigure(n)).toBe(String(n));
    expect(approxFigure(900_000)).toBe('90万');
  });
});

describe('per figure: stocks exact, flows of 100 and more 约数, the document style applied to all', () => {
  it('defaults by the indicator and the size', () => {
    expect(defaultRounding(1286, true)).toBe('exact'); // 精品户1286户
    expect(defaultRounding(3046, false)).toBe('approx'); // 巡查3000余次
    expect(defaultRounding(99, false)).toBe('exact');
    expect(roundingFor('mixed', 3046, false)).toBe('approx');
    expect(roundingFor('exact', 3046, false)).toBe('exact');
    expect(roundingFor('approximate', 352, true)).toBe('approx');
    expect(displayFigure(1286, 'approx')).toBe('1280余');
    expect(displayFigure(1286, 'mixed')).toBe('1286');
  });
  it('writes the 成文日期 in Chinese without leading zeros', () => {
    expect(chineseDate('2025-01-05')).toBe('2025年1月5日');
  });
});
