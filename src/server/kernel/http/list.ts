import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ListQueryBase, ListResult } from '../../../contracts/common/paging';
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

/** Escapes LIKE wildcards in user search text. */
export const likeEscape = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
