import { describe, expect, it } from 'vitest';
import type { FigureRun } from '../../../../contracts/reports';
import { type NodeLike, readRuns } from './read-runs';

const text = (s: string): NodeLike => ({ nodeType: 3, textContent: s, childNodes: [] });
const el = (children: NodeLike[], figureId?: string): NodeLike => ({
  nodeType: 1,
  textContent: null,
  childNodes: children,
  dataset: figureId === undefined ? {} : { figureId },
});
const figure: FigureRun = {
  kind: 'figure',
  id: 'activities.sessions|type=outreach',
  value: 132,
  display: '132',
  indicatorKey: 'activities.sessions',
  filters: { type: 'outreach' },
  period: { from: '2026-01-01', to: '2026-12-31' },
  orgUnitId: 'u',
};
const figures = new Map([[figure.id, figure]]);

describe('readRuns', () => {
  it('reads prose and keeps the drafted figure, whatever the chip now shows', () => {
    const dom = el([
      el([text('全年开展宣讲')]),
      el([text('999')], figure.id),
      el([text('场次，')]),
      text('成效明显。'),
    ]);
    expect(readRuns(dom, figures)).toEqual([
      { kind: 'text', text: '全年开展宣讲' },
      figure,
      { kind: 'text', text: '场次，成效明显。' },
    ]);
  });
  it('drops a chip it does not know and reads through elements the browser added', () => {
    const dom = el([text('共'), el([text('12')], 'forged'), el([el([text('\u00a0次')])])]);
    expect(readRuns(dom, figures)).toEqual([{ kind: 'text', text: '共 次' }]);
  });
  it('reads an emptied paragraph as no runs', () => {
    expect(readRuns(el([el([text('')])]), figures)).toEqual([]);
  });
});
