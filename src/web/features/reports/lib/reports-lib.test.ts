import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { periodOf } from './periods';
import { pivotOf, withZeroRows } from './pivot';

describe('periodOf', () => {
  const now = dayjs('2026-05-20');
  it('gives 本月, 本季度 and 本年 as calendar dates', () => {
    expect(periodOf('month', now)).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(periodOf('quarter', now)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodOf('year', now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('pivotOf', () => {
  it('turns unit × type rows into a cross table with row totals, zeros where nothing was counted', () => {
    const p = pivotOf(
      {
        key: 'activities.sessions',
        from: '2026-01-01',
        to: '2026-12-31',
        total: 6,
        rows: [
          { group: 'u1', label: '东岭村', group2: 'outreach', label2: '宣讲', value: 3 },
          { group: 'u1', label: '东岭村', group2: 'training', label2: '培训', value: 1 },
          { group: 'u2', label: '西坪村', group2: 'outreach', label2: '宣讲', value: 2 },
        ],
        margins: {
          group: [
            { group: 'u1', value: 4 },
            { group: 'u2', value: 2 },
          ],
          group2: [
            { group: 'outreach', value: 5 },
            { group: 'training', value: 1 },
          ],
        },
      },
      (_which, key, label) => label ?? key ?? '—',
    );
    expect(p.rows.map((r) => r.name)).toEqual(['东岭村', '西坪村']);
    expect(p.cols.map((c) => c.key)).toEqual(['outreach', 'training']);
    expect(p.cells).toEqual([
      [3, 1],
      [2, 0],
    ]);
    expect(p.rowTotals).toEqual([4, 2]);
  });

  it("shows the server's margins, never sums of cells (a site used for two target groups is one site)", () => {
    const p = pivotOf(
      {
        key: 'activities.sites',
        from: '2026-01-01',
        to: '2026-12-31',
        total: 2,
        rows: [
          { group: 'u1', label: '东岭村', group2: 'women', label2: '妇女', value: 1 },
          { group: 'u1', label: '东岭村', group2: 'children', label2: '儿童', value: 1 },
          { group: 'u2', label: '西坪村', group2: 'women', label2: '妇女', value: 1 },
        ],
        margins: {
          group: [
            { group: 'u1', value: 1 },
            { group: 'u2', value: 1 },
          ],
          group2: [
            { group: 'women', value: 2 },
            { group: 'children', value: 1 },
          ],
        },
      },
      (_which, key, label) => label ?? key ?? '—',
    );
    expect(p.rowTotals).toEqual([1, 1]);
    expect(p.colTotals).toEqual([2, 1]);
  });
});

describe('withZeroRows', () => {
  it('adds the units below the scope that counted nothing, as zeros after the others', () => {
    const p = pivotOf(
      {
        key: 'activities.sessions',
        from: '2026-01-01',
        to: '2026-12-31',
        total: 3,
        rows: [{ group: 't1', label: '青石镇妇联', group2: 'outreach', label2: '宣讲', value: 3 }],
      },
      (_w, key, label) => label ?? key ?? '—',
    );
    const q = withZeroRows(p, [
      { id: 't1', name: '青石镇妇联' },
      { id: 't2', name: '桃源镇妇联' },
    ]);
    expect(q.rows.map((r) => r.name)).toEqual(['青石镇妇联', '桃源镇妇联']);
    expect(q.cells).toEqual([[3], [0]]);
    expect(q.rowTotals).toEqual([3, 0]);
  });
});
