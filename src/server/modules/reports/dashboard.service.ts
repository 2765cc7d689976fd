import { sql } from 'drizzle-orm';
import type {
  Breakdown,
  Dashboard,
  DashboardQuery,
  FigureValue,
  KeyFigure,
  Period,
  TrendSeries,
  WorkArea,
} from '../../../contracts/reports';
import { workAreas } from '../../../contracts/reports';
import { resolveScopePath, scoped } from '../../kernel/access/access';
import type { DbOrTx } from '../../kernel/db/connection';
import { notFound } from '../../kernel/http/errors';
import { createIndicatorReader, type FigureSpec, specId } from '../../kernel/indicators/indicator-reader';
import type { IndicatorRegistry } from '../../kernel/indicators/registry';
import { collectTodos, type ScopeUnit, type TodoRegistry } from '../../kernel/indicators/todo-registry';
import { registeredModules } from '../../kernel/module';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { monthPeriod, monthsPeriod, yearPeriod } from './periods';

type Label = { zh: string; en: string };
type KeyFigureSpec = FigureSpec & { area: WorkArea; label?: Label; isStock?: boolean };

/**
 * The dashboard's key figures: every module's `figures.dashboard`, by work area (a module's figures in
 * the order it gives them, modules in list order). Figures of indicators not registered are skipped;
 * per-type activity figures are added for every type with records this year or last.
 */
export const dashboardFigures = (): KeyFigureSpec[] =>
  workAreas.flatMap((area) =>
    registeredModules().flatMap((m) => (m.figures?.dashboard?.[area] ?? []).map((f) => ({ ...f, area }))),
  );

const TYPE_AREAS: Record<string, WorkArea> = {
  outreach: 'outreach',
  culturalEvent: 'outreach',
  meeting: 'organization',
  legalEducation: 'rights',
  visit: 'rights',
  healthClinic: 'rights',
  training: 'contribution',
  volunteerService: 'contribution',
  studyTour: 'children',
  familyReading: 'children',
};

/** Trend series (monthly, this year against last). */
export const TREND_KEYS = ['activities.sessions', 'activities.attendances', 'courtyards.inspections'];

/** Breakdown columns, by child unit, year to date. */
export const BREAKDOWN_COLUMNS: (FigureSpec & { label?: Label })[] = [
  { indicatorKey: 'activities.sessions' },
  { indicatorKey: 'activities.attendances' },
  {
    indicatorKey: 'activities.sessions',
    filters: { type: 'outreach' },
    label: { zh: '宣讲场次', en: 'Outreach sessions' },
  },
  { indicatorKey: 'org.sites' },
  { indicatorKey: 'patrols.count' },
  { indicatorKey: 'courtyards.households', filters: { rating: 'model' } },
  { indicatorKey: 'courtyards.rectifications', filters: { status: 'open' } },
];

/** The same day a year before (29 February → 28 February). */
export const sameDayLastYear = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
};

/**
 * The periods of the key figures: the year to date and the month, each up to `asOf` — today while the
 * month asked for runs, else its last day — and the same days a year before, so that 去年同期 compares
 * like with like (a running December is never set against the whole of last December).
 */
export const figurePeriods = (year: number, month: number, today: string) => {
  const whole = monthPeriod(year, month);
  const isMonthRunning = today >= whole.from && today <= whole.to;
  const asOf = isMonthRunning ? today : whole.to;
  const lastAsOf = sameDayLastYear(asOf);
  return {
    asOf,
    isMonthRunning,
    periods: {
      year: { from: `${year}-01-01`, to: asOf },
      month: { from: whole.from, to: asOf },
      lastYear: { from: `${year - 1}-01-01`, to: lastAsOf },
      lastYearMonth: { from: monthPeriod(year - 1, month).from, to: lastAsOf },
    },
  };
};

export const loadScope = async (db: DbOrTx, orgPath: string): Promise<ScopeUnit> => {
  const [row] = (
    await db.execute(
      sql`select id::text as id, name, kind, path, depth from org_units where path = ${orgPath}`,
    )
  ).rows as ScopeUnit[];
  if (!row) throw notFound('组织');
  return row;
};

export const loadLiveUnits = async (db: DbOrTx, orgPath: string): Promise<ScopeUnit[]> =>
  (
    await db.execute(
      sql`select id::text as id, name, kind, path, depth from org_units
          where ${scoped('path', orgPath)} and deleted_at is null and dissolved_on is null
          order by path`,
    )
  ).rows as ScopeUnit[];

/**
 * The rows of a by-unit table: the live units at that level, plus any unit since dissolved or
 * deleted that still has records in the period (so the rows add up to the total), by name.
 */
export const rowUnits = async (db: DbOrTx, live: ScopeUnit[], values: Map<string, number>[]) => {
  const known = new Set(live.map((u) => u.id));
  const extra = [
    ...new Set(
      values.flatMap((m) => [...m].filter(([id, v]) => v !== 0 && !known.has(id)).map(([id]) => id)),
    ),
  ];
  const byName = (a: ScopeUnit, b: ScopeUnit) => a.name.localeCompare(b.name, 'zh-CN');
  if (extra.length === 0) return [...live].sort(byName);
  const found = (
    await db.execute(
      sql`select id::text as id, name, kind, path, depth from org_units where id::text = any(${sql.param(extra)}::text[])`,
    )
  ).rows as ScopeUnit[];
  return [...live, ...found].sort(byName);
};

export const getDashboard = async (
  ctx: ServiceContext,
  registry: IndicatorRegistry,
  todos: TodoRegistry,
  q: DashboardQuery,
): Promise<Dashboard> => {
  const started = performance.now();
  const orgPath = await resolveScopePath(ctx.db, ctx.actor, 'reports.read', q.orgUnitId);
  const scope = await loadScope(ctx.db, orgPath);
  const reader = createIndicatorReader(ctx.db, registry, ctx.actor, { orgUnitId: scope.id, orgPath });
  const { periods, asOf, isMonthRunning } = figurePeriods(q.year, q.month, shanghaiToday());
  const ytd = monthsPeriod(q.year, 1, q.month);

  // A figure on a filtered value is named by the county's own label for it (a renamed or added type).
  // A figure's own label (宣讲场次) stands while the value keeps its built-in name; renamed, it reads
  // 活动场次（理论宣讲）.
  const labelOf = async (spec: KeyFigureSpec) => {
    const i = reader.indicator(spec.indicatorKey);
    const [dim, value] = Object.entries(spec.filters ?? {})[0] ?? [];
    const valueLabel = dim ? (await reader.valueLabels(spec.indicatorKey, dim))[value] : undefined;
    const builtIn = dim ? i.dimensions[dim]?.values[value] : undefined;
    if (spec.label && (!valueLabel || valueLabel.zh === builtIn?.zh)) return spec.label;
    return valueLabel
      ? { zh: `${i.label.zh}（${valueLabel.zh}）`, en: `${i.label.en} (${valueLabel.en})` }
      : i.label;
  };

  // Activity types with records this year or last: one figure each.
  const typeSpecs: KeyFigureSpec[] = [];
  if (reader.has('activities.sessions')) {
    const [cur, last] = await Promise.all([
      reader.grouped('activities.sessions', 'type', yearPeriod(q.year)),
      reader.grouped('activities.sessions', 'type', yearPeriod(q.year - 1)),
    ]);
    const types = new Set(
      [...cur.rows, ...last.rows].filter((r) => r.group && r.value > 0).map((r) => r.group),
    );
    const typeLabels = reader.indicator('activities.sessions').dimensions.type.values;
    for (const t of Object.keys(typeLabels)) {
      if (!types.has(t)) continue;
      for (const key of ['activities.sessions', 'activities.attendances']) {
        const i = reader.indicator(key);
        typeSpecs.push({
          area: TYPE_AREAS[t] ?? 'outreach',
          indicatorKey: key,
          filters: { type: t },
          label: { zh: `${typeLabels[t].zh}${i.unit.zh}`, en: `${typeLabels[t].en} ${i.unit.en}` },
        });
      }
    }
  }
  // Per-type figures follow the outreach ones (the figures come by work area, outreach first).
  const figures = dashboardFigures();
  const outreach = figures.filter((f) => f.area === 'outreach').length;
  const specs = [...figures.slice(0, outreach), ...typeSpecs, ...figures.slice(outreach)].filter((s) =>
    reader.has(s.indicatorKey),
  );
  const need = (s: FigureSpec, p: Period) => reader.value(s, p) as Promise<FigureValue>;

  const keyFiguresP = Promise.all(
    specs.map(async (s): Promise<KeyFigure> => {
      const [y, ly, m, lm] = await Promise.all([
        need(s, periods.year),
        need(s, periods.lastYear),
        need(s, periods.month),
        need(s, periods.lastYearMonth),
      ]);
      return {
        id: specId(s),
        area: s.area,
        label: await labelOf(s),
        unit: reader.indicator(s.indicatorKey).unit,
        isStock: !!s.isStock,
        year: { current: y, lastYear: ly },
        month: { current: m, lastYear: lm },
      };
    }),
  );

  const trendsP = Promise.all(
    TREND_KEYS.filter((k) => reader.has(k)).map(async (key): Promise<TrendSeries> => {
      const i = reader.indicator(key);
      const [cur, last] = await Promise.all([
        reader.monthly(key, q.year, q.month),
        reader.monthly(key, q.year - 1),
      ]);
      return {
        id: key,
        label: i.label,
        unit: i.unit,
        points: cur.map((_, n) => ({
          month: n + 1,
          current:
            n + 1 <= q.month
              ? { value: cur[n], source: reader.sourceOf({ indicatorKey: key }, monthPeriod(q.year, n + 1)) }
              : null,
          lastYear: {
            value: last[n],
            source: reader.sourceOf({ indicatorKey: key }, monthPeriod(q.year - 1, n + 1)),
          },
        })),
      };
    }),
  );

  const unitsP = loadLiveUnits(ctx.db, orgPath);
  const breakdownP = (async (): Promise<Breakdown> => {
    const units = await unitsP;
    const cols = BREAKDOWN_COLUMNS.filter((c) => reader.has(c.indicatorKey));
    const perCol = await Promise.all(cols.map((c) => reader.byUnit(c, ytd)));
    const totals = await Promise.all(cols.map((c) => need(c, ytd)));
    const children = await rowUnits(
      ctx.db,
      units.filter((u) => u.depth === scope.depth + 1),
      perCol,
    );
    const columnLabels = await Promise.all(cols.map((c) => labelOf({ ...c, area: 'outreach' })));
    return {
      period: ytd,
      columns: cols.map((c, n) => ({
        id: specId(c),
        label: columnLabels[n],
        unit: reader.indicator(c.indicatorKey).unit,
      })),
      rows: children.map((u) => ({
        orgUnitId: u.id,
        orgUnitName: u.name,
        cells: cols.map((c, n) => ({
          value: perCol[n].get(u.id) ?? 0,
          source: reader.sourceOf({ ...c, filters: { orgUnit: u.id, ...(c.filters ?? {}) } }, ytd),
        })),
      })),
      total: totals,
    };
  })();

  const todosP = (async () =>
    collectTodos(todos, {
      reader,
      scope,
      units: await unitsP,
      year: q.year,
      month: q.month,
      period: monthPeriod(q.year, q.month),
      today: shanghaiToday(),
    }))();

  const [keyFigures, trends, breakdown, todoItems] = await Promise.all([
    keyFiguresP,
    trendsP,
    breakdownP,
    todosP,
  ]);
  return {
    orgUnitId: scope.id,
    orgUnitName: scope.name,
    year: q.year,
    month: q.month,
    asOf,
    isMonthRunning,
    periods,
    keyFigures,
    trends,
    breakdown,
    todos: todoItems,
    elapsedMs: Math.round(performance.now() - started),
  };
};
