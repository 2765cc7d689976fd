import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../../../lib/uuid-v7';
import { periodOf } from './periods';
import { pivotOf } from './pivot';

describe('uuidV7', () => {
  it('is a v7 uuid whose first 48 bits are the time, so ids made later sort later', () => {
    const a = uuidV7(1_700_000_000_000);
    const b = uuidV7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.replace(/-/g, '').slice(0, 12)).toBe((1_700_000_000_000).toString(16).padStart(12, '0'));
    expect(a < b).toBe(true);
    expect(uuidV7()).not.toBe(uuidV7());
  });
});

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
});
