import { type SQL, sql } from 'drizzle-orm';
import { type DateRange, periodBounds } from '../../../contracts/common/period';
import type { Permission } from '../../../contracts/common/permissions';
import { DIRECT_RECORDS, type IndicatorDef, type IndicatorValues } from '../../../contracts/indicators';
import type { DbOrTx } from '../db/connection';
import { AppError } from '../http/errors';

type Label = { zh: string; en: string };
type Period = DateRange;

/**
 * A named statistic. Its `source` is one SQL query yielding a row per counted record with the
 * columns `record_id`, `record_label`, `record_date`, `org_path`, one column per dimension and, for
 * distinct counts, `subject_id`, for sums, `amount`. A multi-valued dimension (an activity's
 * campaigns) is expanded to one row per value only when the caller groups or filters by it, so a
 * total never counts a record twice. Values, roll-ups and drill-downs all come from that one
 * source: every number has one definition and one path back to its records.
 */
export type Indicator = {
  key: string;
  label: Label;
  unit: Label;
  permission: Permission;
  /** `isMultiValued`: a record may carry several values (an activity's campaigns). */
  dimensions: Record<
    string,
    {
      label: Label;
      values: Record<string, Label>;
      isMultiValued?: boolean;
      /** Labels configured per county (activity types): read for the scope, over `values`. */
      valuesFor?: (db: DbOrTx, scopePath: string) => Promise<Record<string, Label>>;
    }
  >;
  /** `count` of records, `distinct` subjects (persons holding a role), or `sum` of `amount` (人次). */
  measure: 'count' | 'distinct' | 'sum';
  /**
   * The source places a record in a period by its `record_date` alone (an event: an activity, a
   * patrol), so counting one year grouped by the month of `record_date` gives each month's value in
   * one query. Stock indicators (sites open at the period end) leave it unset.
   */
  isFlow?: boolean;
  /**
   * A flow of events that need not happen every period (a federation founded, a site opened, an
   * election): a period without any is no sign of records not yet entered, so it raises no warning.
   */
  isOccasional?: boolean;
  /**
   * The source also gives `record_date_to`: the last day of a record that spans days (a multi-day
   * activity), null for a one-day one; drill-down records carry it as `dateTo`.
   */
  hasDateTo?: boolean;
  /**
   * `scopePath` is the reader's subtree: the registry filters the source's rows by it in any case;
   * a source over a large table may also filter by it inside (before a `distinct on` or a window,
   * where PostgreSQL cannot push the outer filter down).
   */
  source: (args: Period & { groupBy?: string; scopePath: string }) => SQL;
  /**
   * A faster equal of `source` for counting, never for drill-down: a roll-up the module keeps as
   * records are written (`courtyard_inspections_by_month`). Each row stands for `n` records of the
   * source and has its `org_path`, the dimension columns, `record_date` (a flow's month), and
   * `subject_id` for distinct measures or `amount` (summed) for sums. Returns undefined for a period
   * the roll-up cannot answer (not whole months), and the source is read instead. A test holds the
   * two equal (`courtyards.rollups.api.test.ts`).
   */
  rollup?: (args: Period & { groupBy?: string; scopePath: string }) => SQL | undefined;
};

/** The rows to count: the roll-up when it answers the period, else the source. */
const countedRows = (i: Indicator, args: Period & { groupBy?: string; scopePath: string }) => {
  const rolled = i.rollup?.(args);
  return rolled ? { rows: rolled, isRolled: true } : { rows: i.source(args), isRolled: false };
};

export type IndicatorRegistry = { get: (key: string) => Indicator; list: () => Indicator[] };

/** The registry app.ts assembles from every module's `<module>.indicators.ts`. */
export const createIndicatorRegistry = (indicators: Indicator[]): IndicatorRegistry => {
  const byKey = new Map<string, Indicator>();
  for (const i of indicators) {
    if (byKey.has(i.key)) throw new Error(`indicator ${i.key} registered twice`);
    byKey.set(i.key, i);
  }
  return {
    get: (key) => {
      const found = byKey.get(key);
      if (!found) throw new AppError('NOT_FOUND', `统计指标“${key}”不存在`);
      return found;
    },
    list: () => [...byKey.values()],
  };
};

export const toIndicatorDef = (i: Indicator): IndicatorDef => ({
  key: i.key,
  label: i.label,
  unit: i.unit,
  dimensions: Object.entries(i.dimensions).map(([key, d]) => ({ key, label: d.label, values: d.values })),
});

/**
 * The catalogue as a reader sees it: a dimension whose values a county configures (activity types,
 * featured-courtyard categories) lists the configured labels, so no screen falls back to a code. Values
 * of multi-valued dimensions (campaigns) are looked up where shown, not listed. Each configured list is
 * read once however many indicators share it.
 */
export const indicatorDefsFor = async (db: DbOrTx, indicators: Indicator[], scopePath: string) => {
  const lists = new Map<unknown, Promise<Record<string, Label>>>();
  const configured = (valuesFor: (db: DbOrTx, scopePath: string) => Promise<Record<string, Label>>) => {
    let list = lists.get(valuesFor);
    if (!list) {
      list = valuesFor(db, scopePath);
      lists.set(valuesFor, list);
    }
    return list;
  };
  return Promise.all(
    indicators.map(async (i) => {
      const def = toIndicatorDef(i);
      for (const d of def.dimensions) {
        const dim = i.dimensions[d.key];
        if (dim?.valuesFor && !dim.isMultiValued)
          d.values = { ...d.values, ...(await configured(dim.valuesFor)) };
      }
      return def;
    }),
  );
};

const measureOf = (i: Indicator, isRolled = false) => {
  if (i.measure === 'distinct') return sql`count(distinct s.subject_id)`;
  if (i.measure === 'sum') return sql`coalesce(sum(s.amount), 0)`;
  return isRolled ? sql`coalesce(sum(s.n), 0)` : sql`count(*)`;
};

const UNIT_LEVELS: Record<string, number> = { orgUnit: 1, orgUnit2: 2 };

const checkDimension = (i: Indicator, key: string) => {
  if (!UNIT_LEVELS[key] && !Object.hasOwn(i.dimensions, key)) {
    throw new AppError('VALIDATION_FAILED', `指标“${i.label.zh}”不能按“${key}”分组`, [
      {
        field: 'groupBy',
        message: `可选：${['orgUnit', 'orgUnit2', ...Object.keys(i.dimensions)].join('、')}`,
      },
    ]);
  }
};

/** The unit `level` steps below the scope root that a record's path passes through (1: child). */
const unitAt = (scopePath: string, level: number) =>
  sql`nullif(split_part(substr(s.org_path, ${scopePath.length + 1}), '/', ${level}), '')`;

/**
 * `groupBy` is one key or two separated by a comma: a unit level (`orgUnit` = the units directly
 * below the scope, `orgUnit2` = the level below those) and/or one dimension — e.g. `orgUnit,type`
 * for a village × activity-type table.
 */
const parseGroupBy = (i: Indicator, groupBy: string | undefined) => {
  const keys = (groupBy ?? '').split(',').filter(Boolean);
  if (keys.length > 2)
    throw new AppError('VALIDATION_FAILED', '最多按两个维度分组', [
      { field: 'groupBy', message: '最多按两个维度分组' },
    ]);
  for (const k of keys) checkDimension(i, k);
  const dims = keys.filter((k) => !UNIT_LEVELS[k]);
  if (dims.length > 1 || keys.filter((k) => UNIT_LEVELS[k]).length > 1) {
    throw new AppError('VALIDATION_FAILED', '只能按一个组织层级和一个维度交叉分组', [
      { field: 'groupBy', message: '例如 orgUnit,type' },
    ]);
  }
  return { keys, dimension: dims[0] };
};

type Raw = { g1: string | null; g2: string | null; value: number };
type Margins = NonNullable<IndicatorValues['margins']>;

export const computeIndicator = async (
  db: DbOrTx,
  i: Indicator,
  args: Period & { scopePath: string; groupBy?: string },
): Promise<IndicatorValues> => {
  const { keys, dimension } = parseGroupBy(i, args.groupBy);
  const inScope = sql`s.org_path like ${`${args.scopePath}%`}`;
  if (keys.length === 0) {
    const counted = countedRows(i, { from: args.from, to: args.to, scopePath: args.scopePath });
    const total = (
      (
        await db.execute(
          sql`select ${measureOf(i, counted.isRolled)}::int as total from (${counted.rows}) s where ${inScope}`,
        )
      ).rows as { total: number }[]
    )[0].total;
    return { key: i.key, from: args.from, to: args.to, total, rows: [] };
  }
  const isMultiValued = !!(dimension && i.dimensions[dimension]?.isMultiValued);
  // Counts and sums over single-valued groups add up: the total and a two-way table's margins are
  // sums of the cells, one query. A distinct count does not (a person in two villages counts once
  // in the total), nor does a grouping that expands a record into one row per value: those get the
  // groups, the margins and the total from one scan with grouping sets.
  const isAdditive = i.measure !== 'distinct' && !isMultiValued;
  const unitKey = keys.find((k) => UNIT_LEVELS[k]);
  const dimExpr = dimension ? sql`s.${sql.identifier(dimension)}::text` : sql`null::text`;
  let raw: Raw[];
  let total = 0;
  let margins: Margins | undefined;
  if (isAdditive) {
    const { rows: source, isRolled } = countedRows(i, {
      from: args.from,
      to: args.to,
      groupBy: dimension,
      scopePath: args.scopePath,
    });
    const measure = measureOf(i, isRolled);
    if (unitKey) {
      // Aggregate per recorded unit (a cheap group by the stored path), then fold the few resulting
      // rows up to the requested level here — same numbers as grouping by the ancestor in SQL,
      // without computing it for every record.
      const perUnit = (
        await db.execute(sql`
          select s.org_path as path, ${dimExpr} as dim, ${measure}::int as value
          from (${source}) s where ${inScope} group by 1, 2`)
      ).rows as { path: string; dim: string | null; value: number }[];
      const level = UNIT_LEVELS[unitKey];
      const folded = new Map<string, { unit: string | null; dim: string | null; value: number }>();
      for (const r of perUnit) {
        const unit = r.path.slice(args.scopePath.length).split('/')[level - 1] || null;
        const k = `${unit}|${r.dim}`;
        const f = folded.get(k) ?? { unit, dim: r.dim, value: 0 };
        f.value += r.value;
        folded.set(k, f);
      }
      raw = [...folded.values()].map((f) =>
        keys[0] === unitKey
          ? { g1: f.unit, g2: f.dim, value: f.value }
          : { g1: f.dim, g2: f.unit, value: f.value },
      );
    } else {
      const result = await db.execute(sql`
        select ${dimExpr} as g1, null::text as g2, ${measure}::int as value
        from (${source}) s where ${inScope} group by 1, 2`);
      raw = result.rows as Raw[];
    }
    total = raw.reduce((a, r) => a + r.value, 0);
    if (keys.length === 2) margins = { group: sumBy(raw, 'g1'), group2: sumBy(raw, 'g2') };
  } else {
    ({ raw, total, margins } = await groupingSets(db, i, args, keys, dimension));
  }
  // Unit names for unit groups; dimension labels for dimension groups.
  const unitIds = [
    ...new Set(raw.flatMap((r) => keys.flatMap((k, n) => (UNIT_LEVELS[k] ? [n === 0 ? r.g1 : r.g2] : [])))),
  ].filter((x): x is string => !!x);
  const names = new Map<string, string>();
  if (unitIds.length) {
    const found = await db.execute(
      sql`select id::text as id, name from org_units where id = any(${sql.param(unitIds)}::uuid[])`,
    );
    for (const u of found.rows as { id: string; name: string }[]) names.set(u.id, u.name);
  }
  const configured = dimension ? await i.dimensions[dimension]?.valuesFor?.(db, args.scopePath) : undefined;
  const labelOf = (k: string, v: string | null) => {
    if (v === null) return null;
    if (UNIT_LEVELS[k]) return names.get(v) ?? v;
    return configured?.[v]?.zh ?? i.dimensions[k].values[v]?.zh ?? v;
  };
  const rows = raw
    .map((r) => ({
      group: r.g1,
      label: labelOf(keys[0], r.g1),
      ...(keys[1] ? { group2: r.g2, label2: labelOf(keys[1], r.g2) } : {}),
      value: r.value,
    }))
    // A total order: units by name, values by size; ties by the second group's size, then by key, so the
    // same figures always come out in the same order (the database returns groups in no set order).
    .sort(
      (a, b) =>
        (UNIT_LEVELS[keys[0]] ? (a.label ?? '').localeCompare(b.label ?? '', 'zh-CN') : b.value - a.value) ||
        (a.group ?? '').localeCompare(b.group ?? '') ||
        b.value - a.value ||
        (a.group2 ?? '').localeCompare(b.group2 ?? ''),
    );
  return {
    key: i.key,
    from: args.from,
    to: args.to,
    total,
    rows,
    ...(margins ? { margins: { group: byGroup(margins.group), group2: byGroup(margins.group2) } } : {}),
  };
};

/** Margins in one order whatever computed them (a roll-up and its source list groups differently). */
const byGroup = (margin: Margins['group']) =>
  [...margin].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? ''));

/** The margins of additive cells: their sums by one axis. */
const sumBy = (raw: Raw[], axis: 'g1' | 'g2') => {
  const sums = new Map<string | null, number>();
  for (const r of raw) sums.set(r[axis], (sums.get(r[axis]) ?? 0) + r.value);
  return [...sums].map(([group, value]) => ({ group, value }));
};

/**
 * Cells, margins and total of a measure that does not add up, in one scan: `grouping sets ((g1, g2),
 * (g1), (g2), ())` (or `((g1), ())` for one axis). A distinct count counts its subjects in every set.
 * A count or sum over a source expanded by a multi-valued dimension counts each record once in the
 * sets without that dimension (its first expanded row); the source is read, not a roll-up, whose
 * rows stand for many records and cannot be told apart. (A count or sum gets here only grouped by a
 * multi-valued dimension.)
 */
const groupingSets = async (
  db: DbOrTx,
  i: Indicator,
  args: Period & { scopePath: string },
  keys: string[],
  dimension: string | undefined,
): Promise<{ raw: Raw[]; total: number; margins?: Margins }> => {
  const inScope = sql`s.org_path like ${`${args.scopePath}%`}`;
  const period = { from: args.from, to: args.to, groupBy: dimension, scopePath: args.scopePath };
  const dimExpr = dimension ? sql`s.${sql.identifier(dimension)}::text` : sql`null::text`;
  const exprs = keys.map((k) => (UNIT_LEVELS[k] ? unitAt(args.scopePath, UNIT_LEVELS[k]) : dimExpr));
  const g2 = exprs[1] ?? sql`null::text`;
  let rows: SQL;
  let columns: SQL;
  let measure: SQL;
  if (i.measure === 'distinct') {
    rows = countedRows(i, period).rows;
    columns = sql`s.subject_id`;
    measure = sql`count(distinct g.subject_id)`;
  } else {
    rows = i.source(period);
    const first = sql`row_number() over (partition by s.record_id) = 1 as is_first`;
    columns = i.measure === 'sum' ? sql`s.amount, ${first}` : first;
    const dimColumn = sql.identifier(keys.indexOf(dimension as string) === 0 ? 'g1' : 'g2');
    const [once, each] =
      i.measure === 'sum'
        ? [sql`coalesce(sum(g.amount) filter (where g.is_first), 0)`, sql`coalesce(sum(g.amount), 0)`]
        : [sql`count(*) filter (where g.is_first)`, sql`count(*)`];
    measure = sql`case when grouping(g.${dimColumn}) = 1 then ${once} else ${each} end`;
  }
  const sets = keys.length === 2 ? sql`(g.g1, g.g2), (g.g1), (g.g2), ()` : sql`(g.g1, g.g2), ()`;
  const result = await db.execute(sql`
    select g.g1, g.g2, ${measure}::int as value, grouping(g.g1, g.g2)::int as grouped
    from (select ${exprs[0]} as g1, ${g2} as g2, ${columns} from (${rows}) s where ${inScope}) g
    group by grouping sets (${sets})`);
  const out = result.rows as (Raw & { grouped: number })[];
  // grouping(g1, g2): 0 a cell, 1 a first-axis margin, 2 a second-axis margin, 3 the total.
  const of = (grouped: number) => out.filter((r) => r.grouped === grouped);
  return {
    raw: of(0).map(({ g1, g2: second, value }) => ({ g1, g2: second, value })),
    total: of(3)[0]?.value ?? 0,
    ...(keys.length === 2
      ? {
          margins: {
            group: of(1).map((r) => ({ group: r.g1, value: r.value })),
            group2: of(2).map((r) => ({ group: r.g2, value: r.value })),
          },
        }
      : {}),
  };
};

/** The records behind a number (a cell of a table, a bar of a chart). */
export const drillIndicator = async (
  db: DbOrTx,
  i: Indicator,
  args: Period & {
    scopePath: string;
    dimension?: string;
    value?: string;
    dimension2?: string;
    value2?: string;
    page: number;
    pageSize: number;
    /** `amount`: largest first (the activities with the most 人次); default newest first. */
    order?: 'date' | 'amount';
    /** Only records dated on or after this day (the sites opened within a period). */
    recordDateFrom?: string;
  },
) => {
  const filters: SQL[] = [sql`s.org_path like ${`${args.scopePath}%`}`];
  if (args.recordDateFrom) filters.push(sql`s.record_date >= ${args.recordDateFrom}::date`);
  let expand: string | undefined;
  for (const [dimension, value] of [
    [args.dimension, args.value],
    [args.dimension2, args.value2],
  ]) {
    if (!dimension || value === undefined) continue;
    checkDimension(i, dimension);
    // No unit at that level: what the units above it recorded themselves (at `orgUnit`, the scope's own).
    if (UNIT_LEVELS[dimension] && value === DIRECT_RECORDS)
      filters.push(sql`${unitAt(args.scopePath, UNIT_LEVELS[dimension])} is null`);
    else if (UNIT_LEVELS[dimension]) filters.push(sql`s.org_path like ${`%/${value}/%`}`);
    else {
      expand = dimension;
      filters.push(sql`s.${sql.identifier(dimension)}::text = ${value}`);
    }
  }
  // Each record says what it counts (its 人次 for a sum) and its type (the indicator's `type`, or its
  // first single-valued dimension).
  const typeKey =
    ['type', ...Object.keys(i.dimensions)].find(
      (k) => Object.hasOwn(i.dimensions, k) && !i.dimensions[k].isMultiValued,
    ) ?? null;
  const amount = i.measure === 'sum' ? sql`s.amount::int` : sql`null::int`;
  const type = typeKey ? sql`s.${sql.identifier(typeKey)}::text` : sql`null::text`;
  const result = await db.execute(sql`
    select s.record_id::text as id, s.record_label as label, u.name as "orgUnitName", s.record_date::text as date,
      ${i.hasDateTo ? sql`s.record_date_to::text` : sql`null::text`} as "dateTo", ${amount} as amount, ${type} as type, count(*) over() as total
    from (${i.source({ from: args.from, to: args.to, groupBy: expand, scopePath: args.scopePath })}) s
    join org_units u on u.path = s.org_path
    where ${sql.join(filters, sql` and `)}
    order by ${args.order === 'amount' ? sql`s.amount desc nulls last,` : sql``} s.record_date desc nulls last, s.record_id
    limit ${args.pageSize} offset ${(args.page - 1) * args.pageSize}`);
  const rows = result.rows as {
    id: string;
    label: string;
    orgUnitName: string;
    date: string | null;
    dateTo: string | null;
    amount: number | null;
    type: string | null;
    total: string;
  }[];
  const configured = typeKey ? await i.dimensions[typeKey].valuesFor?.(db, args.scopePath) : undefined;
  const typeOf = (v: string | null) =>
    typeKey && v !== null
      ? {
          dimension: typeKey,
          value: v,
          label: configured?.[v]?.zh ?? i.dimensions[typeKey].values[v]?.zh ?? v,
        }
      : null;
  return {
    items: rows.map(({ total: _t, type: v, ...r }) => ({ ...r, type: typeOf(v) })),
    total: rows.length ? Number(rows[0].total) : 0,
  };
};

/**
 * Twelve monthly values of one year (January first), over the scope. A flow indicator is counted in
 * one query grouped by the month of `record_date`; any other is computed month by month (a stock
 * at each month's end) — the same numbers `computeIndicator` gives for each month.
 */
export const computeIndicatorMonthly = async (
  db: DbOrTx,
  i: Indicator,
  args: { year: number; scopePath: string; throughMonth?: number },
): Promise<number[]> => {
  const through = args.throughMonth ?? 12;
  const months = Array.from({ length: 12 }, () => 0);
  const month = (m: number) => periodBounds({ kind: 'month', year: args.year, month: m });
  if (i.isFlow) {
    const counted = countedRows(i, {
      from: `${args.year}-01-01`,
      to: month(through).to,
      scopePath: args.scopePath,
    });
    const result = await db.execute(sql`
      select extract(month from s.record_date)::int as month, ${measureOf(i, counted.isRolled)}::int as value
      from (${counted.rows}) s where s.org_path like ${`${args.scopePath}%`} group by 1`);
    for (const r of result.rows as { month: number; value: number }[]) months[r.month - 1] = r.value;
    return months;
  }
  for (let m = 1; m <= through; m++) {
    const v = await computeIndicator(db, i, { ...month(m), scopePath: args.scopePath });
    months[m - 1] = v.total;
  }
  return months;
};
