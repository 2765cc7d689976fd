import { DIRECT_RECORDS } from '../../../contracts/indicators';
import { levelOf } from '../../../contracts/org';
import type {
  FigureRun,
  FigureValue,
  Period,
  PlanItem,
  SummaryContent,
  SummaryKind,
  SummaryStyle,
} from '../../../contracts/reports';
import type { IndicatorReader } from '../../kernel/indicators/indicator-reader';
import { type FigureSpec, specId } from '../../kernel/indicators/indicator-reader';
import type { ScopeUnit } from '../../kernel/indicators/todo-registry';
import { shanghaiToday } from '../../kernel/time/calendar';
import { monthPeriod, quarterPeriod, yearPeriod } from './periods';
import { displayFigure, roundingFor } from './summary-format';
import { restyle } from './summary-merge';
import { buildSummary, type RecordLists, type SummaryFacts } from './summary-sections';
import { settingOf, wordsFor } from './summary-words';
import type { Group, RecordRef, Which } from './summary-writing';

export type SummaryScope = {
  kind: SummaryKind;
  year: number;
  quarter: number | null;
  month: number | null;
  style: SummaryStyle;
};

export const summaryPeriod = (s: Pick<SummaryScope, 'kind' | 'year' | 'quarter' | 'month'>) =>
  s.kind === 'annual'
    ? yearPeriod(s.year)
    : s.kind === 'quarterly'
      ? quarterPeriod(s.year, s.quarter ?? 1)
      : monthPeriod(s.year, s.month ?? 1);

/** The dimensions whose values the text names (every value with records, not a top few). */
const NAMED_GROUPS: [string, string][] = [
  ['activities.sessions', 'type'],
  ['activities.sessions', 'campaign'],
  ['activities.sessions', 'siteKind'],
  ['org.sites', 'kind'],
  ['org.unitsFounded', 'kind'],
  ['courtyards.households', 'rating'],
  ['courtyards.featured', 'category'],
  ['people.volunteerTeams', 'kind'],
  ['honours.awarded', 'level'],
  ['honours.awarded', 'title'],
];

/** Activity types whose best-attended records the text gives as examples, with how many. */
const EXAMPLE_TYPES: [string, number][] = [
  ['outreach', 3],
  ['training', 2],
  ['volunteerService', 2],
  ['studyTour', 2],
];

const GRASSROOTS_UNDER: Record<string, string[]> = {
  county: ['town', 'street', 'sumu'],
  town: ['village', 'community', 'gacha'],
};

const byValueThenName = (a: Group, b: Group) =>
  b.value - a.value || a.label.localeCompare(b.label, 'zh-CN') || a.code.localeCompare(b.code);

/**
 * Drafts a summary from the indicators. The facts (the groups a dimension has in the period, the
 * records named as examples, the units under this one) are read first; then the builders run once
 * with a recording lookup to learn which figures the document uses, those are read (grouped queries
 * shared through the reader), and the builders run again on the values: the text and the figures
 * come from one definition. Returns the document and every figure read (zero ones included) for
 * regeneration to compare.
 */
export const draftSummary = async (
  reader: IndicatorReader,
  scope: ScopeUnit,
  s: SummaryScope,
  planItems: PlanItem[],
): Promise<{ content: SummaryContent; figures: Map<string, FigureRun> }> => {
  const period = summaryPeriod(s);
  // The same period a year before; while the period is still running, only as far into it as today
  // (a year to 7 December is compared with last year to 7 December, not with a whole year).
  const today = shanghaiToday();
  const lastYear = summaryPeriod({ ...s, year: s.year - 1 });
  const before =
    today >= period.from && today < period.to
      ? { from: lastYear.from, to: `${s.year - 1}${today.slice(4) === '-02-29' ? '-02-28' : today.slice(4)}` }
      : lastYear;
  const periodOf = (which: Which = 'current'): Period => (which === 'previous' ? before : period);

  const groupLists = new Map<string, Group[]>();
  const readGroups = async (key: string, dim: string) => {
    if (!reader.has(key) || !reader.indicator(key).dimensions[dim]) return;
    const v = await reader.grouped(key, dim, period);
    const statics = reader.indicator(key).dimensions[dim].values;
    const groups = v.rows
      .filter((r) => r.group && r.value > 0)
      .map((r) => ({
        code: r.group as string,
        label:
          (r.label && r.label !== r.group ? r.label : statics[r.group as string]?.zh) ?? (r.group as string),
        value: r.value,
      }))
      .sort(byValueThenName);
    groupLists.set(`${key}:${dim}`, groups);
  };

  const records = async (
    key: string,
    filters: Record<string, string> | undefined,
    opts: { order?: 'date' | 'amount'; recordDateFrom?: string; limit: number },
  ): Promise<RecordRef[]> => {
    if (!reader.has(key)) return [];
    if (
      filters &&
      Object.keys(filters).some((d) => !d.startsWith('orgUnit') && !reader.indicator(key).dimensions[d])
    )
      return [];
    return (await reader.records({ indicatorKey: key, filters }, period, opts)) as RecordRef[];
  };

  // The units under this one (grassroots units of a town, towns of a county), for the words and the plan.
  const underKinds = GRASSROOTS_UNDER[levelOf(scope.kind)] ?? [];
  const unitsUnder = async () => {
    if (!underKinds.length || !reader.has('org.units')) return { childKinds: {}, idle: [] as string[] };
    const [units, active] = await Promise.all([
      reader.grouped('org.units', 'orgUnit,kind', period),
      reader.has('activities.sessions')
        ? reader.grouped('activities.sessions', 'orgUnit', period)
        : Promise.resolve(null),
    ]);
    const childKinds: Record<string, number> = {};
    const grassroots = new Map<string, string>();
    for (const r of units.rows) {
      if (!r.group || r.group === scope.id || !r.group2 || !r.value) continue;
      childKinds[r.group2] = (childKinds[r.group2] ?? 0) + r.value;
      if (underKinds.includes(r.group2) && r.label) grassroots.set(r.group, r.label);
    }
    const activeIds = new Set((active?.rows ?? []).filter((r) => r.value > 0).map((r) => r.group));
    const idle = [...grassroots]
      .filter(([id]) => !activeIds.has(id))
      .map(([, name]) => name)
      .sort((a, b) => a.localeCompare(b, 'zh-CN'));
    return { childKinds, idle: active ? idle : [] };
  };

  // A figure whose indicator or dimension is not installed (yet) is left out with its clause.
  const answerable = (spec: FigureSpec) =>
    reader.has(spec.indicatorKey) &&
    Object.keys(spec.filters ?? {}).every(
      (d) => d === 'orgUnit' || d === 'orgUnit2' || !!reader.indicator(spec.indicatorKey).dimensions[d],
    );
  const idOf = (spec: FigureSpec, which: Which = 'current') => `${which}|${specId(spec)}`;
  /** The figures a document written from these facts asks for (a dry run with a recording lookup). */
  const wantedBy = (facts: Omit<SummaryFacts, 'lookup'>) => {
    const out = new Map<string, { spec: FigureSpec; which: Which }>();
    buildSummary({
      ...facts,
      lookup: (spec, which = 'current') => {
        if (!answerable(spec)) return undefined;
        out.set(idOf(spec, which), { spec, which });
        return { value: 1, source: reader.sourceOf(spec, periodOf(which)) };
      },
    });
    return out;
  };
  const common = {
    orgUnitId: scope.id,
    unitName: scope.name,
    unitKind: scope.kind,
    kind: s.kind,
    year: s.year,
    quarter: s.quarter,
    month: s.month,
    style: s.style,
    seed: `${scope.id}|${s.kind}|${s.year}|${s.quarter ?? ''}|${s.month ?? ''}`,
    planItems,
  };
  // The figures every draft reads (those not named from the facts) start now, beside the facts' own
  // queries: the reader shares each grouped query, so pass 2 awaits the same ones instead of a second wave.
  for (const { spec, which } of wantedBy({
    ...common,
    words: wordsFor({ ...s, unitKind: scope.kind, setting: 'rural' }),
    groups: () => [],
    records: { topByType: {}, dated: [], newSites: [], unitsFounded: [], elections: [], teamsFounded: [] },
    idleUnits: [],
  }).values())
    reader.value(spec, periodOf(which)).catch(() => undefined);

  const notableDim =
    reader.has('activities.sessions') && !!reader.indicator('activities.sessions').dimensions.isNotable;
  const [under, topByType, dated, newSites, unitsFounded, elections, teamsFounded] = await Promise.all([
    unitsUnder(),
    Promise.all(
      EXAMPLE_TYPES.map(
        async ([type, n]) =>
          [type, await records('activities.attendances', { type }, { order: 'amount', limit: n })] as const,
      ),
    ).then((xs) => Object.fromEntries(xs)),
    notableDim
      ? Promise.all([
          records('activities.sessions', { isNotable: 'yes' }, { order: 'date', limit: 40 }),
          // The unit's own classes and publicity days (types the county names with dates): a town's
          // 培训班 and 普法宣传日 are named even where nobody marked them 重点.
          records(
            'activities.sessions',
            { orgUnit: DIRECT_RECORDS, isDated: 'yes' },
            { order: 'date', limit: 12 },
          ),
        ]).then(([notable, own]) => {
          const seen = new Set(notable.map((r) => r.id));
          return [...notable, ...own.filter((r) => !seen.has(r.id))].sort((a, b) =>
            (a.date ?? '').localeCompare(b.date ?? ''),
          );
        })
      : Promise.resolve([]),
    reader.has('org.sitesOpened')
      ? records('org.sitesOpened', undefined, { limit: 8 })
      : records('org.sites', undefined, { recordDateFrom: period.from, limit: 8 }),
    records('org.unitsFounded', undefined, { limit: 12 }),
    records('org.elections', undefined, { limit: 12 }),
    records('people.teamsFounded', undefined, { limit: 8 }),
    ...NAMED_GROUPS.map(([k, d]) => readGroups(k, d)),
  ]);
  const lists: RecordLists = { topByType, dated, newSites, unitsFounded, elections, teamsFounded };
  const words = wordsFor({ ...s, unitKind: scope.kind, setting: settingOf(scope.kind, under.childKinds) });

  const base: Omit<SummaryFacts, 'lookup'> = {
    ...common,
    words,
    groups: (key, dim) => groupLists.get(`${key}:${dim}`) ?? [],
    records: lists,
    idleUnits: under.idle,
  };
  // Pass 1: which figures does the document ask for?
  const wanted = wantedBy(base);
  const values = new Map<string, FigureValue>();
  await Promise.all(
    [...wanted].map(async ([id, { spec, which }]) => {
      const v = await reader.value(spec, periodOf(which));
      if (v) values.set(id, v);
    }),
  );
  // Pass 2: the text from the values, each figure exact or 约数 by the style and its indicator.
  const isStock = (key: string) => reader.has(key) && !reader.indicator(key).isFlow;
  const content = restyle(
    buildSummary({ ...base, lookup: (spec, which) => values.get(idOf(spec, which)) }),
    s.style,
    isStock,
  );
  const figures = new Map<string, FigureRun>();
  for (const [id, { spec, which }] of wanted) {
    const v = values.get(id);
    if (!v) continue;
    const p = periodOf(which);
    const rounding = roundingFor(s.style, v.value, isStock(spec.indicatorKey));
    const run: FigureRun = {
      kind: 'figure',
      id: `${specId(spec)}@${p.from}..${p.to}@${scope.id}`,
      value: v.value,
      rounding,
      display: displayFigure(v.value, rounding),
      indicatorKey: spec.indicatorKey,
      filters: spec.filters ?? {},
      period: p,
      orgUnitId: scope.id,
    };
    figures.set(run.id, run);
  }
  return { content, figures };
};
