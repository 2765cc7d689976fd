import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ListQueryBase, ListResult } from '../../../contracts/common/paging';
import type { DbOrTx } from '../db/connection';
import { invalid } from './errors';

export type SortWhitelist = Record<string, AnyPgColumn | SQL>;

/** `sort` is `field` or `-field`; anything not in the whitelist is refused (never reaches SQL). */
export const orderBy = (sort: string | undefined, whitelist: SortWhitelist, fallback: SQL[]): SQL[] => {
  if (!sort) return fallback;
  const isDesc = sort.startsWith('-');
  const field = isDesc ? sort.slice(1) : sort;
  const column = Object.hasOwn(whitelist, field) ? whitelist[field] : undefined;
  if (!column) {
    throw invalid('sort', `不支持按“${field}”排序，可选：${Object.keys(whitelist).join('、')}`);
  }
  return [isDesc ? desc(column) : asc(column), ...fallback];
};

export const pageOf = (q: Pick<ListQueryBase, 'page' | 'pageSize'>) => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});

/** Selected beside the row fields, so one query returns the page and the total. */
export const totalCount = () => sql<string>`count(*) over()`.as('total_count');

export const toListResult = async <R extends { totalCount: string }, T>(
  rows: R[],
  countFallback: () => Promise<number>,
  map: (row: R) => T,
): Promise<ListResult<T>> => {
  if (rows.length > 0) return { items: rows.map(map), total: Number(rows[0].totalCount) };
  return { items: [], total: await countFallback() };
};

/** A list written as raw SQL, for `listPage`. */
export type PageSelect = {
  /** `select … from … join …` without its `where`; its per-row subqueries run only for the page. */
  select: SQL;
  where: SQL;
  /** Over the select's output columns as `x.column` (an `orderBy` whitelist of `sql\`x.…\`` works). */
  order: SQL | SQL[];
  /** `from …` of only the tables `where` needs, for the count; the whole select when absent. */
  countFrom?: SQL;
};

/**
 * A page of a raw select and the count of all its matches, for lists whose rows carry per-row
 * subqueries (photo ids, linked records) or joins that only the page needs. `count(*) over()`
 * (`totalCount`) would evaluate every match's row before the page is cut; here the page is sorted
 * and cut first (PostgreSQL evaluates the per-row subqueries after the limit), and the count runs
 * beside it over `countFrom` when given — a county's 3.6 M courtyard inspections are counted from
 * an index, not joined to households and units. The two queries run side by side.
 */
export const listPage = async <T>(
  db: DbOrTx,
  q: PageSelect,
  page: Pick<ListQueryBase, 'page' | 'pageSize'>,
  map: (row: Record<string, unknown>) => T,
): Promise<ListResult<T>> => {
  const { limit, offset } = pageOf(page);
  const order = Array.isArray(q.order) ? sql.join(q.order, sql`, `) : q.order;
  const [list, count] = await Promise.all([
    db.execute(
      sql`select x.* from (${q.select} where ${q.where}) x order by ${order} limit ${limit} offset ${offset}`,
    ),
    db.execute(
      q.countFrom
        ? sql`select count(*)::int as n ${q.countFrom} where ${q.where}`
        : sql`select count(*)::int as n from (${q.select} where ${q.where}) x`,
    ),
  ]);
  return {
    items: (list.rows as Record<string, unknown>[]).map(map),
    total: Number((count.rows[0] as { n: number }).n),
  };
};

/** Escapes LIKE wildcards in user search text. */
export const likeEscape = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
