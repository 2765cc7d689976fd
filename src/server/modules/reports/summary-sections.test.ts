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
import { wordsFor } from './summary-words';
import type { Group } from './summary-writing';

const UNIT = '0190c0de-0000-7000-8000-000000000001';
const period = { from: '2026-01-01', to: '2026-12-31' };

/** Facts whose lookup answers from a table of spec id → value; unknown indicators are unregistered. */
const factsOf = (
  values: Record<string, number>,
  over: Partial<SummaryFacts> & { groupLists?: Record<string, Group[]> } = {},
): SummaryFacts => ({
  orgUnitId: UNIT,
  unitName: '青石镇妇联',
  unitKind: 'town',
  kind: 'annual',
  year: 2026,
  quarter: null,
  month: null,
  style: 'exact',
  seed: 'test',
  words: wordsFor({
    kind: over.kind ?? 'annual',
    unitKind: 'town',
    setting: 'rural',
    year: 2026,
    quarter: over.quarter ?? null,
    month: over.month ?? null,
  }),
  groups: (key, dim) =>
    over.groupLists?.[`${key}:${dim}`] ??
    (key === 'org.sites' && dim === 'kind'
      ? Object.entries({ womenHome: '妇女之家', childrenHome: '儿童之家', microHome: '妇女微家' })
          .map(([code, label]) => ({ code, label, value: values[`org.sites|kind=${code}`] ?? 0 }))
          .filter((g) => g.value > 0)
      : []),
  records: { topByType: {}, dated: [], newSites: [], unitsFounded: [], elections: [], teamsFounded: [] },
  idleUnits: [],
  planItems: [],
  lookup: (spec: FigureSpec, which = 'current'): FigureValue | undefined => {
    if (which === 'previous') return undefined;
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
    expect(displayFigure(63, 'approximate')).toBe('60余');
    expect(displayFigure(15645, 'approximate')).toBe('15000余');
    expect(displayFigure(1299, 'approximate')).toBe('1290余');
    expect(displayFigure(3_512_345, 'approximate')).toBe('350万余');
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
    expect(text).toContain('全年共开展各类活动1234场次，参与群众45678人次。');
    expect(text).toContain('宣讲活动310场次，覆盖群众9876人次');
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
    // 40 would leave out 13 % of 46: too far for 约数, stated exactly.
    expect(approx).toContain('巾帼林长46名');
    expect(allText(buildSummary(factsOf(year)))).not.toContain('余');
  });

  it('names notable records and campaigns from the drill-down, and the plan from her items', () => {
    const c = buildSummary(
      factsOf(
        {
          ...year,
          'activities.sessions|campaign=c1': 40,
          'activities.attendances|campaign=c1': 1500,
        },
        {
          groupLists: { 'activities.sessions:campaign': [{ code: 'c1', label: '巾帼心向党', value: 40 }] },
          records: {
            topByType: {
              outreach: [
                { id: 'a1', label: '三八节巾帼大宣讲', orgUnitName: '青石村妇联', date: '2026-03-08' },
                // The same talk held again: named once.
                { id: 'a2', label: '三八节巾帼大宣讲', orgUnitName: '青石村妇联', date: '2026-03-09' },
              ],
            },
            dated: [],
            newSites: [],
            unitsFounded: [],
            elections: [],
            teamsFounded: [],
          },
          planItems: [{ id: 'p1', text: '持续推进美丽庭院创建。' }],
        },
      ),
    );
    const text = allText(c);
    expect(text).toMatch(/青石村妇联“三八节巾帼大宣讲”等活动(参与群众较多|反响热烈|群众参与度高)。/);
    expect(text.match(/三八节巾帼大宣讲/g)).toHaveLength(1);
    expect(text).toContain('围绕“巾帼心向党”开展活动40场次、参与1500人次');
    expect(c.sections.at(-1)?.key).toBe('plan');
    expect(numberedHeadings(c).at(-1)).toBe('四、下一步工作打算');
    expect(paragraphText(c.sections.at(-1)?.paragraphs[0] as never)).toBe('（一）持续推进美丽庭院创建。');
  });

  it('names every campaign with records, largest first then by name, and 等N项 past eight', () => {
    const camps = [4, 2, 1, 2, 9, 3, 1, 1, 5, 6].map((n, i) => ({
      code: `c${i}`,
      label: `行动${i}`,
      value: n,
    }));
    const sorted = [...camps].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'zh-CN'));
    const values: Record<string, number> = { ...year };
    for (const c of camps) values[`activities.sessions|campaign=${c.code}`] = c.value;
    const three = buildSummary(
      factsOf(values, { groupLists: { 'activities.sessions:campaign': sorted.slice(-3) } }),
    );
    for (const c of sorted.slice(-3))
      expect(allText(three)).toContain(`围绕“${c.label}”开展活动${c.value}场次`);
    const ten = allText(
      buildSummary(factsOf(values, { groupLists: { 'activities.sessions:campaign': sorted } })),
    );
    const order = sorted.slice(0, 8).map((c) => ten.indexOf(`“${c.label}”`));
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(ten).toContain(`另有“${sorted[8].label}”等2项专项行动`);
  });

  it('does not quote a name twice, and gives a county-added activity type its own clause', () => {
    const values: Record<string, number> = {
      ...year,
      'activities.sessions|campaign=c1': 3,
      'activities.sessions|type=familyEducation': 7,
      'activities.attendances|type=familyEducation': 210,
    };
    const text = allText(
      buildSummary(
        factsOf(values, {
          groupLists: {
            'activities.sessions:campaign': [{ code: 'c1', label: '“巾帼建新功”系列活动', value: 3 }],
            'activities.sessions:type': [
              { code: 'outreach', label: '宣讲', value: 310 },
              { code: 'familyEducation', label: '家庭教育', value: 7 },
            ],
          },
        }),
      ),
    );
    // Nested as Chinese writes a quotation inside a quotation, never doubled.
    expect(text).toContain('围绕“‘巾帼建新功’系列活动”开展活动3场次');
    expect(text).not.toContain('““');
    expect(text).toContain('开展家庭教育活动7场次、参与210人次');
    expect(text).toContain('其中宣讲310场次、家庭教育7场次');
  });

  it('writes urban and pastoral units in their own words', () => {
    const urban = allText(
      buildSummary({
        ...factsOf(year),
        unitKind: 'street',
        words: wordsFor({
          kind: 'annual',
          unitKind: 'street',
          setting: 'urban',
          year: 2026,
          quarter: null,
          month: null,
        }),
      }),
    );
    expect(urban).toContain('全街道现有巾帼林长46名');
    expect(urban).not.toMatch(/村组|田间地头|乡村振兴/);
    const banner = wordsFor({
      kind: 'annual',
      unitKind: 'sumu',
      setting: 'pastoral',
      year: 2026,
      quarter: null,
      month: null,
    });
    expect(banner.scopeWord).toBe('全苏木');
    expect(banner.units).toBe('各嘎查');
  });

  it('names dated events with their dates and ranges', () => {
    const text = allText(
      buildSummary(
        factsOf(
          { ...year, 'activities.sessions|type=culturalEvent': 4 },
          {
            records: {
              topByType: {},
              dated: [
                { id: 'd1', label: '三八节文艺汇演', orgUnitName: '青石镇妇联', date: '2026-03-08' },
                {
                  id: 'd2',
                  label: '六一亲子游园会',
                  orgUnitName: '东岭村妇联',
                  date: '2026-06-01',
                  dateTo: '2026-06-03',
                },
              ],
              newSites: [],
              unitsFounded: [],
              elections: [],
              teamsFounded: [],
            },
          },
        ),
      ),
    );
    expect(text).toContain('3月8日“三八节文艺汇演”');
    expect(text).toContain('6月1日至3日东岭村妇联“六一亲子游园会”');
  });

  it('drafts the plan from the year’s gaps when she has written none, with last year’s figure as a chip', () => {
    const f = factsOf(year, { idleUnits: ['东岭村妇联', '西坡村妇联'] });
    // Patrols fell by 4 % (6,900 → 6,612): an ordinary swing, not a gap.
    const prev = { 'activities.sessions|type=outreach': 400, 'patrols.count': 6900 };
    const c = buildSummary({
      ...f,
      lookup: (spec, which) =>
        which === 'previous'
          ? {
              value: prev[specId(spec) as keyof typeof prev] ?? 0,
              source: {
                indicatorKey: spec.indicatorKey,
                filters: spec.filters ?? {},
                period: { from: '2025-01-01', to: '2025-12-31' },
                groupBy: null,
                orgUnitId: UNIT,
              },
            }
          : f.lookup(spec),
    });
    const plan = c.sections.at(-1);
    expect(plan?.key).toBe('plan');
    const texts = plan?.paragraphs.map(paragraphText) ?? [];
    expect(texts[0]).toBe(
      '（一）宣讲活动本年310场次，较上年同期400场次有所减少，下一步将进一步用好巾帼宣讲队伍，把宣讲送到群众身边。',
    );
    expect(texts[1]).toContain('东岭村妇联、西坡村妇联本年尚未登记活动');
    expect(texts.join('')).not.toContain('护林防火巡查本年');
    const lastYear = [...figuresOf(c).values()].find((r) => r.value === 400);
    expect(lastYear?.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
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
    const saved = applyEdit(stored, edited, 'annual');
    const savedFig = saved.sections[0].paragraphs[0].runs.find((r) => r.kind === 'figure') as FigureRun;
    expect(savedFig.value).toBe(10);
    expect(saved.sections[0].paragraphs[0].isEdited).toBe(true);
    const forged = structuredClone(edited);
    forged.sections[0].paragraphs[0].runs.push({ ...fig, id: 'activities.sessions@forged' });
    expect(() => applyEdit(stored, forged, 'annual')).toThrow(/不能手工添加/);
  });

  it('keepEdits keeps her prose and old numbers but flags the changed one; refreshFigures updates it', () => {
    const stored = buildSummary(factsOf(before));
    const edited = structuredClone(stored);
    edited.sections[0].paragraphs[0].runs.unshift({ kind: 'text', text: '【她加的一句】' });
    const saved = applyEdit(stored, edited, 'annual');
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
