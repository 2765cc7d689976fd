import { type SQL, sql } from 'drizzle-orm';
import type { Permission } from '../../../contracts/common/permissions';
import type { IndicatorDef, IndicatorValues } from '../../../contracts/indicators';
import type { DbOrTx } from '../db/connection';
import { AppError } from '../http/errors';

type Label = { zh: string; en: string };
type Period = { from: string; to: string };

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
  dimensions: Record<string, { label: Label; values: Record<string, Label> }>;
  /** `count` of records, `distinct` subjects (persons holding a role), or `sum` of `amount` (人次). */
  measure: 'count' | 'distinct' | 'sum';
  source: (args: Period & { groupBy?: string }) => SQL;
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

const measureOf = (i: Indicator) => {
  if (i.measure === 'distinct') return sql`count(distinct s.subject_id)`;
  if (i.measure === 'sum') return sql`coalesce(sum(s.amount), 0)`;
  return sql`count(*)`;
};

const checkDimension = (i: Indicator, key: string) => {
  if (key !== 'orgUnit' && !Object.hasOwn(i.dimensions, key)) {
    throw new AppError('VALIDATION_FAILED', `指标“${i.label.zh}”不能按“${key}”分组`, [
      { field: 'groupBy', message: `可选：${['orgUnit', ...Object.keys(i.dimensions)].join('、')}` },
    ]);
  }
};

/** The unit directly below the scope root that a record's path passes through. */
const childOf = (scopePath: string) =>
  sql`nullif(split_part(substr(s.org_path, ${scopePath.length + 1}), '/', 1), '')`;

export const computeIndicator = async (
  db: DbOrTx,
  i: Indicator,
  args: Period & { scopePath: string; groupBy?: string },
): Promise<IndicatorValues> => {
  const total0 = i.source({ from: args.from, to: args.to });
  const source = i.source(args);
  const inScope = sql`s.org_path like ${`${args.scopePath}%`}`;
  const [{ total }] = (
    await db.execute(sql`select ${measureOf(i)}::int as total from (${total0}) s where ${inScope}`)
  ).rows as { total: number }[];
  let rows: IndicatorValues['rows'] = [];
  if (args.groupBy === 'orgUnit') {
    const result = await db.execute(sql`
      select g.child as group, u.name as label, g.value from (
        select ${childOf(args.scopePath)} as child, ${measureOf(i)}::int as value
        from (${source}) s where ${inScope} group by 1
      ) g left join org_units u on u.id::text = g.child
      order by u.name nulls first`);
    rows = result.rows as IndicatorValues['rows'];
  } else if (args.groupBy) {
    checkDimension(i, args.groupBy);
    const column = sql.identifier(args.groupBy);
    const result = await db.execute(
      sql`select s.${column}::text as group, ${measureOf(i)}::int as value from (${source}) s where ${inScope} group by 1 order by 2 desc`,
    );
    const values = i.dimensions[args.groupBy].values;
    rows = (result.rows as { group: string | null; value: number }[]).map((r) => ({
      ...r,
      label: r.group ? (values[r.group]?.zh ?? r.group) : null,
    }));
  }
  return { key: i.key, from: args.from, to: args.to, total, rows };
};

/** The records behind a number (a cell of a table, a bar of a chart). */
export const drillIndicator = async (
  db: DbOrTx,
  i: Indicator,
  args: Period & { scopePath: string; dimension?: string; value?: string; page: number; pageSize: number },
) => {
  const filters: SQL[] = [sql`s.org_path like ${`${args.scopePath}%`}`];
  if (args.dimension && args.value !== undefined) {
    checkDimension(i, args.dimension);
    filters.push(
      args.dimension === 'orgUnit'
        ? sql`s.org_path like ${`${args.scopePath}${args.value}/%`}`
        : sql`s.${sql.identifier(args.dimension)}::text = ${args.value}`,
    );
  }
  const result = await db.execute(sql`
    select s.record_id::text as id, s.record_label as label, u.name as "orgUnitName", s.record_date::text as date,
      count(*) over() as total
    from (${i.source({ from: args.from, to: args.to, groupBy: args.dimension })}) s
    join org_units u on u.path = s.org_path
    where ${sql.join(filters, sql` and `)}
    order by s.record_date desc nulls last, s.record_id
    limit ${args.pageSize} offset ${(args.page - 1) * args.pageSize}`);
  const rows = result.rows as {
    id: string;
    label: string;
    orgUnitName: string;
    date: string | null;
    total: string;
  }[];
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows.length ? Number(rows[0].total) : 0 };
};
