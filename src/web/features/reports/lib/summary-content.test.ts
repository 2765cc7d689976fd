import { describe, expect, it } from 'vitest';
import type { FigureRun } from '../../../../contracts/reports';
import { chineseNumber, normalizeRuns, runsText, sameRuns, sectionNumbers } from './summary-content';

const fig = (id: string, display: string): FigureRun => ({
  kind: 'figure',
  id,
  value: Number.parseInt(display, 10),
  display,
  indicatorKey: 'activities.sessions',
  filters: {},
  period: { from: '2026-01-01', to: '2026-12-31' },
  orgUnitId: 'u',
});

describe('section numbers', () => {
  it('count 一、二 … 十、十一 … 二十 and leave the opening unnumbered', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 23].map(chineseNumber)).toEqual([
      '一',
      '二',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十三',
    ]);
    expect(
      sectionNumbers([{ key: 'opening' }, { key: 'outreach' }, { key: 'custom' }, { key: 'plan' }]),
    ).toEqual([null, '一、', '二、', '三、']);
  });
});

describe('runs', () => {
  it('join adjacent text and drop empty text, keeping figures where they are', () => {
    const f = fig('a', '12');
    expect(
      normalizeRuns([
        { kind: 'text', text: '全年开展' },
        { kind: 'text', text: '' },
        f,
        { kind: 'text', text: '场' },
        { kind: 'text', text: '次' },
      ]),
    ).toEqual([{ kind: 'text', text: '全年开展' }, f, { kind: 'text', text: '场次' }]);
  });
  it('read as text and compare by prose and figure ids', () => {
    const a = [
      { kind: 'text' as const, text: '开展宣讲' },
      fig('a', '1200余'),
      { kind: 'text' as const, text: '场次' },
    ];
    expect(runsText(a)).toBe('开展宣讲1200余场次');
    expect(
      sameRuns(a, [
        { kind: 'text', text: '开展' },
        { kind: 'text', text: '宣讲' },
        fig('a', '1200余'),
        { kind: 'text', text: '场次' },
      ]),
    ).toBe(true);
    expect(
      sameRuns(a, [{ kind: 'text', text: '开展宣讲' }, fig('b', '1200余'), { kind: 'text', text: '场次' }]),
    ).toBe(false);
    expect(
      sameRuns(a, [
        { kind: 'text', text: '开展宣讲' },
        { kind: 'text', text: '场次' },
      ]),
    ).toBe(false);
  });
});
