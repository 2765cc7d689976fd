import { describe, expect, it } from 'vitest';
import type { FigureRun, FigureValue, SummaryContent } from '../../../contracts/reports';
import { type FigureSpec, specId } from '../../kernel/indicators/indicator-reader';
import { displayFigure } from './summary-format';
import { applyEdit, mergeRegenerated } from './summary-merge';
import {
  buildSummary,
  figuresOf,
  numberedHeadings,
  paragraphText,
  type SummaryFacts,
} from './summary-sections';

const UNIT = '0190c0de-0000-7000-8000-000000000001';
const period = { from: '2026-01-01', to: '2026-12-31' };

/** Facts whose lookup answers from a table of spec id → value; unknown indicators are unregistered. */
const factsOf = (values: Record<string, number>, over: Partial<SummaryFacts> = {}): SummaryFacts => ({
  orgUnitId: UNIT,
  unitName: '青石镇妇联',
  unitKind: 'town',
  kind: 'annual',
  year: 2026,
  quarter: null,
  month: null,
  period,
  style: 'exact',
  labels: {
    'org.sites': { kind: { womenHome: '妇女之家', childrenHome: '儿童之家', microHome: '妇女微家' } },
  },
  campaigns: [],
  featuredCategories: [],
  notable: { outreach: [], studyTours: [], newSites: [] },
  planItems: [],
  lookup: (spec: FigureSpec): FigureValue | undefined => {
    const registered = ['activities.', 'org.', 'people.', 'patrols.'].some((p) =>
      spec.indicatorKey.startsWith(p),
    );
    if (!registered) return undefined;
    return {
      value: values[specId(spec)] ?? 0,
      source: {
        indicatorKey: spec.indicatorKey,
        filters: spec.filters ?? {},
        period,
        groupBy: null,
        orgUnitId: UNIT,
      },
    };
  },
  ...over,
});

const allText = (c: SummaryContent) => c.sections.flatMap((s) => s.paragraphs.map(paragraphText)).join('\n');
const keys = (c: SummaryContent) => c.sections.map((s) => s.key);

describe('summary figures: exact, or rounded down with 余 only in that style', () => {
  it('exact style states the number as counted', () => {
    for (const n of [0, 7, 67, 1234, 15645]) expect(displayFigure(n, 'exact')).toBe(String(n));
  });
  it('approximate style rounds down to the leading digits and adds 余, never above the count', () => {
    expect(displayFigure(1234, 'approximate')).toBe('1200余');
    expect(displayFigure(67, 'approximate')).toBe('60余');
    expect(displayFigure(15645, 'approximate')).toBe('15000余');
    expect(displayFigure(1299, 'approximate')).toBe('1200余');
    expect(displayFigure(3_512_345, 'approximate')).toBe('351万余');
  });
  it('small and already-round numbers stay exact in the approximate style', () => {
    expect(displayFigure(9, 'approximate')).toBe('9');
    expect(displayFigure(1200, 'approximate')).toBe('1200');
    expect(displayFigure(60, 'approximate')).toBe('60');
    expect(displayFigure(900_000, 'approximate')).toBe('90万');
  });
});

describe('drafting rules', () => {
  const year = {
    'activities.sessions': 1234,
    'activities.attendances': 45678,
    'activities.sessions|type=outreach': 310,
    'activities.attendances|type=outreach': 9876,
    'patrols.count': 6612,
    'patrols.participants': 138,
    'people.roleHolders|role=forestChief': 46,
    'org.sites|kind=womenHome': 12,
  };

  it('writes the title and the opening, then numbered sections of the work areas that have figures', () => {
    const c = buildSummary(factsOf(year));
    expect(c.title).toBe('青石镇妇联2026年工作总结');
    expect(keys(c)).toEqual(['opening', 'outreach', 'organization', 'forestFire']);
    expect(numberedHeadings(c)).toEqual([
      '',
      '一、强化思想引领，凝聚巾帼力量',
      '二、夯实组织基础，建强阵地队伍',
      '三、守护绿水青山，巾帼护林防火',
    ]);
  });

  it('omits sections whose figures are all zero, and clauses whose figure is zero', () => {
    const c = buildSummary(factsOf({ 'activities.sessions': 5, 'activities.attendances': 80 }));
    expect(keys(c)).toEqual(['opening']);
    expect(allText(c)).not.toContain('宣讲');
    expect(allText(c)).not.toMatch(/(^|[^0-9])0(场次|人次|次|名|个)/);
    const nothing = buildSummary(factsOf({}));
    expect(nothing.sections).toEqual([]);
  });

  it('leaves out the sections of indicators that are not registered (courtyards before the merge)', () => {
    const c = buildSummary(factsOf({ ...year, 'courtyards.households|rating=model': 24 }));
    expect(keys(c)).not.toContain('courtyards');
  });

  it('states every figure exactly as counted and marks each as a figure run with its provenance', () => {
    const c = buildSummary(factsOf(year));
    const text = allText(c);
    expect(text).toContain('全年共开展各类活动1234场次，参与群众45678人次，其中宣讲310场次。');
    expect(text).toContain('开展护林防火巡查6612次');
    expect(text).toContain('巾帼林长46名');
    const figures = [...figuresOf(c).values()];
    for (const f of figures) {
      const spec = { indicatorKey: f.indicatorKey, filters: f.filters };
      expect(f.value, f.id).toBe(year[specId(spec) as keyof typeof year]);
      expect(f.display).toBe(String(f.value));
      expect(f.period).toEqual(period);
      expect(f.orgUnitId).toBe(UNIT);
    }
    // Every run of digits in the text is a figure run's display (no number from elsewhere).
    const digitsInText = text.match(/\d+/g) ?? [];
    const displays = new Set(figures.map((f) => f.display));
    expect(digitsInText.filter((d) => d !== '2026' && !displays.has(d))).toEqual([]);
  });

  it('uses 余 only when the document style is approximate', () => {
    const approx = allText(buildSummary(factsOf(year, { style: 'approximate' })));
    expect(approx).toContain('开展各类活动1200余场次');
    expect(approx).toContain('参与群众45000余人次');
    expect(approx).toContain('巾帼林长46名'.replace('46', '40余'));
    expect(allText(buildSummary(factsOf(year)))).not.toContain('余');
  });

  it('names notable records and campaigns from the drill-down, and the plan from her items', () => {
    const c = buildSummary(
      factsOf(
        {
          ...year,
          'activities.sessions|campaign=巾帼心向党': 40,
          'activities.attendances|campaign=巾帼心向党': 1500,
        },
        {
          campaigns: ['巾帼心向党'],
          notable: {
            outreach: [
              { id: 'a1', label: '三八节巾帼大宣讲', orgUnitName: '青石村妇联', date: '2026-03-08' },
              // The same talk held again: named once.
              { id: 'a2', label: '三八节巾帼大宣讲', orgUnitName: '青石村妇联', date: '2026-03-09' },
            ],
            studyTours: [],
            newSites: [],
          },
          planItems: [{ id: 'p1', text: '持续推进美丽庭院创建。' }],
        },
      ),
    );
    const text = allText(c);
    expect(text).toContain('其中，青石村妇联“三八节巾帼大宣讲”等活动参与群众较多。');
    expect(text).toContain('围绕“巾帼心向党”开展活动40场次、参与1500人次');
    expect(c.sections.at(-1)?.key).toBe('plan');
    expect(numberedHeadings(c).at(-1)).toBe('四、下一步工作打算');
    expect(paragraphText(c.sections.at(-1)?.paragraphs[0] as never)).toBe('（一）持续推进美丽庭院创建。');
  });

  it('monthly and quarterly summaries come from the same machinery', () => {
    const m = buildSummary(factsOf(year, { kind: 'monthly', month: 3 }));
    expect(m.title).toBe('青石镇妇联2026年3月工作小结');
    expect(allText(m)).toContain('本月共开展各类活动1234场次');
    const q = buildSummary(factsOf(year, { kind: 'quarterly', quarter: 1 }));
    expect(q.title).toBe('青石镇妇联2026年第一季度工作小结');
  });
});

describe('edits and regeneration', () => {
  const before = { 'activities.sessions': 10, 'activities.attendances': 200, 'patrols.count': 5 };
  const after = { 'activities.sessions': 12, 'activities.attendances': 200, 'patrols.count': 5 };
  const current = (c: SummaryContent) => figuresOf(c) as Map<string, FigureRun>;

  it('a save keeps figures from the stored document and refuses figures that were typed in', () => {
    const stored = buildSummary(factsOf(before));
    const edited = structuredClone(stored);
    const p = edited.sections[0].paragraphs[0];
    p.runs = [{ kind: 'text', text: '她改写的开头。' }, ...p.runs.filter((r) => r.kind === 'figure')];
    const fig = p.runs.find((r) => r.kind === 'figure') as FigureRun;
    fig.value = 999;
    fig.display = '999';
    const saved = applyEdit(stored, edited, 'annual', 'exact');
    const savedFig = saved.sections[0].paragraphs[0].runs.find((r) => r.kind === 'figure') as FigureRun;
    expect(savedFig.value).toBe(10);
    expect(saved.sections[0].paragraphs[0].isEdited).toBe(true);
    const forged = structuredClone(edited);
    forged.sections[0].paragraphs[0].runs.push({ ...fig, id: 'activities.sessions@forged' });
    expect(() => applyEdit(stored, forged, 'annual', 'exact')).toThrow(/不能手工添加/);
  });

  it('keepEdits keeps her prose and old numbers but flags the changed one; refreshFigures updates it', () => {
    const stored = buildSummary(factsOf(before));
    const edited = structuredClone(stored);
    edited.sections[0].paragraphs[0].runs.unshift({ kind: 'text', text: '【她加的一句】' });
    const saved = applyEdit(stored, edited, 'annual', 'exact');
    const draft = buildSummary(factsOf(after));
    const keep = mergeRegenerated(saved, draft, current(draft), 'keepEdits', 'annual');
    expect(paragraphText(keep.content.sections[0].paragraphs[0])).toContain('【她加的一句】');
    expect(paragraphText(keep.content.sections[0].paragraphs[0])).toContain('10场次');
    expect(keep.changed).toEqual([
      expect.objectContaining({ previousValue: 10, currentValue: 12, isUpdated: false }),
    ]);
    const refresh = mergeRegenerated(saved, draft, current(draft), 'refreshFigures', 'annual');
    expect(paragraphText(refresh.content.sections[0].paragraphs[0])).toContain('【她加的一句】');
    expect(paragraphText(refresh.content.sections[0].paragraphs[0])).toContain('12场次');
    expect(refresh.changed).toEqual([
      expect.objectContaining({ previousValue: 10, currentValue: 12, isUpdated: true }),
    ]);
    const redraft = mergeRegenerated(saved, draft, current(draft), 'discardEdits', 'annual');
    expect(paragraphText(redraft.content.sections[0].paragraphs[0])).not.toContain('【她加的一句】');
    expect(paragraphText(redraft.content.sections[0].paragraphs[0])).toContain('12场次');
  });

  it('unedited paragraphs are redrafted with the new figures, flagged as changed', () => {
    const stored = buildSummary(factsOf(before));
    const draft = buildSummary(factsOf(after));
    const merged = mergeRegenerated(stored, draft, current(draft), 'keepEdits', 'annual');
    expect(paragraphText(merged.content.sections[0].paragraphs[0])).toContain('12场次');
    expect(merged.changed).toEqual([
      expect.objectContaining({ previousValue: 10, currentValue: 12, isUpdated: true }),
    ]);
  });
});
