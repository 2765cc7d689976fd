import { describe, expect, it } from 'vitest';
import type { FigureValue } from '../../../contracts/reports';
import { type FigureSpec, specId } from '../../kernel/indicators/indicator-reader';
import { dutiesPoint } from './summary-honours';
import type { SummaryFacts } from './summary-sections';
import { wordsFor } from './summary-words';

const factsOf = (values: Record<string, number>): SummaryFacts => ({
  orgUnitId: '0190c0de-0000-7000-8000-000000000001',
  unitName: '青石镇妇联',
  unitKind: 'town',
  kind: 'annual',
  year: 2026,
  quarter: null,
  month: null,
  style: 'exact',
  seed: 'test',
  words: wordsFor({
    kind: 'annual',
    unitKind: 'town',
    setting: 'rural',
    year: 2026,
    quarter: null,
    month: null,
  }),
  groups: () => [],
  records: { topByType: {}, dated: [], newSites: [], unitsFounded: [], elections: [], teamsFounded: [] },
  idleUnits: [],
  planItems: [],
  lookup: (spec: FigureSpec): FigureValue | undefined => ({
    value: values[specId(spec)] ?? 0,
    source: {
      indicatorKey: spec.indicatorKey,
      filters: spec.filters ?? {},
      period: { from: '2026-01-01', to: '2026-12-31' },
      groupBy: null,
      orgUnitId: '0190c0de-0000-7000-8000-000000000001',
    },
  }),
});

const textOf = (runs: ReturnType<typeof dutiesPoint>['runs']) =>
  (runs ?? []).map((r) => (r.kind === 'text' ? r.text : r.display)).join('');

describe('the duty point of 组织建设', () => {
  it('writes rules, contacts, projects and the members meeting their duties, each a figure', () => {
    const p = dutiesPoint(
      factsOf({
        'duties.rules': 5,
        'duties.contacts': 1260,
        'duties.projectsDone': 18,
        'duties.compliance': 42,
        'duties.compliance|status=met': 37,
      }),
    );
    expect(textOf(p.runs)).toBe(
      '全年落实执委履职规则5条，执委联系妇女、走访家庭、轮值述职1260次，领办实事项目完成18个。应履职执委42名中，37名全部按期履职。',
    );
    const figures = (p.runs ?? []).filter((r) => r.kind === 'figure');
    expect(figures.map((r) => (r.kind === 'figure' ? r.indicatorKey : ''))).toEqual([
      'duties.rules',
      'duties.contacts',
      'duties.projectsDone',
      'duties.compliance',
      'duties.compliance',
    ]);
  });

  it('says nothing without duty records', () => {
    expect(dutiesPoint(factsOf({})).runs).toBeNull();
  });
});
