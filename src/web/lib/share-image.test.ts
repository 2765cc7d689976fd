import { describe, expect, it } from 'vitest';
import { fitColumns, wrapText } from './share-image';

const measure = (s: string) => [...s].length * 10;

describe('share image layout', () => {
  it('wraps Chinese text by character within the width, keeping every character', () => {
    const lines = wrapText(measure, '门前屋后杂物堆放未清理；厕所不洁', 60);
    expect(lines.every((l) => measure(l) <= 60)).toBe(true);
    expect(lines.join('')).toBe('门前屋后杂物堆放未清理；厕所不洁');
    expect(wrapText(measure, '短', 60)).toEqual(['短']);
  });

  it('fits columns to the page: the widest cut first, spare room shared out', () => {
    const cut = fitColumns([100, 200, 900], 800);
    expect(Math.round(cut.reduce((a, b) => a + b, 0))).toBe(800);
    expect(cut[0]).toBe(100);
    expect(cut[2]).toBeLessThan(900);
    const spread = fitColumns([100, 100], 400);
    expect(spread).toEqual([200, 200]);
  });
});
