import type {
  FigureRun,
  FigureValue,
  PlanItem,
  SummaryContent,
  SummaryKind,
  SummaryStyle,
} from '../../../contracts/reports';
import type { IndicatorReader } from '../../kernel/indicators/indicator-reader';
import { type FigureSpec, specId } from '../../kernel/indicators/indicator-reader';
import type { ScopeUnit } from '../../kernel/indicators/todo-registry';
import { monthPeriod, quarterPeriod, yearPeriod } from './periods';
import { displayFigure } from './summary-format';
import { buildSummary, type RecordRef, type SummaryFacts } from './summary-sections';

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

/**
 * Drafts a summary from the indicators. The builders are run once with a recording lookup to learn
 * which figures the document can use, those are read (grouped queries shared through the reader),
 * and the builders run again on the values: the text and the figures come from one definition.
 * Returns the document and every figure read (zero ones included) for regeneration to compare.
 */
export const draftSummary = async (
  reader: IndicatorReader,
  scope: ScopeUnit,
  s: SummaryScope,
  planItems: PlanItem[],
): Promise<{ content: SummaryContent; figures: Map<string, FigureRun> }> => {
  const period = summaryPeriod(s);
  const labels: SummaryFacts['labels'] = {};
  for (const key of ['org.sites', 'courtyards.households', 'courtyards.featured']) {
    if (!reader.has(key)) continue;
    const dims = reader.indicator(key).dimensions;
    labels[key] = Object.fromEntries(
      Object.entries(dims).map(([d, def]) => [
        d,
        Object.fromEntries(Object.entries(def.values).map(([v, l]) => [v, l.zh])),
      ]),
    );
  }
  const topGroups = async (key: string, groupBy: string, limit: number) => {
    if (!reader.has(key)) return [];
    const v = await reader.grouped(key, groupBy, period);
    return v.rows
      .filter((r) => r.group && r.value > 0)
      .sort((a, b) => b.value - a.value)
      .slice(0, limit)
      .map((r) => {
        if (r.label && r.group && r.label !== r.group)
          labels[key] = { ...labels[key], [groupBy]: { ...labels[key]?.[groupBy], [r.group]: r.label } };
        return r.group as string;
      });
  };
  const toRefs = (
    items: { id: string; label: string; orgUnitName: string; date: string | null }[],
  ): RecordRef[] => items;
  const [campaigns, featuredCategories, outreach, studyTours, newSites] = await Promise.all([
    topGroups('activities.sessions', 'campaign', 3),
    topGroups('courtyards.featured', 'category', 10),
    reader.records({ indicatorKey: 'activities.attendances', filters: { type: 'outreach' } }, period, {
      order: 'amount',
      limit: 3,
    }),
    reader.records({ indicatorKey: 'activities.attendances', filters: { type: 'studyTour' } }, period, {
      order: 'amount',
      limit: 2,
    }),
    reader.records({ indicatorKey: 'org.sites' }, period, { recordDateFrom: period.from, limit: 5 }),
  ]);
  const base: Omit<SummaryFacts, 'lookup'> = {
    orgUnitId: scope.id,
    unitName: scope.name,
    unitKind: scope.kind,
    kind: s.kind,
    year: s.year,
    quarter: s.quarter,
    month: s.month,
    period,
    style: s.style,
    labels,
    campaigns,
    featuredCategories,
    notable: { outreach: toRefs(outreach), studyTours: toRefs(studyTours), newSites: toRefs(newSites) },
    planItems,
  };
  // Pass 1: which figures does the document ask for?
  const wanted = new Map<string, FigureSpec>();
  buildSummary({
    ...base,
    lookup: (spec) => {
      if (!reader.has(spec.indicatorKey)) return undefined;
      wanted.set(specId(spec), spec);
      return { value: 1, source: reader.sourceOf(spec, period) };
    },
  });
  const values = new Map<string, FigureValue>();
  await Promise.all(
    [...wanted].map(async ([id, spec]) => {
      const v = await reader.value(spec, period);
      if (v) values.set(id, v);
    }),
  );
  // Pass 2: the text from the values.
  const content = buildSummary({ ...base, lookup: (spec) => values.get(specId(spec)) });
  const figures = new Map<string, FigureRun>();
  for (const [id, spec] of wanted) {
    const v = values.get(id);
    if (!v) continue;
    const run: FigureRun = {
      kind: 'figure',
      id: `${id}@${period.from}..${period.to}@${scope.id}`,
      value: v.value,
      display: displayFigure(v.value, s.style),
      indicatorKey: spec.indicatorKey,
      filters: spec.filters ?? {},
      period,
      orgUnitId: scope.id,
    };
    figures.set(run.id, run);
  }
  return { content, figures };
};
