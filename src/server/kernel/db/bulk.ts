import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './connection';

/** A PostgreSQL array literal element list for a text[] cell: {"a","b"} with quotes escaped. */
const arrayLiteral = (xs: unknown[]) =>
  `{${xs.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;

/**
 * Inserts many rows in one statement: one array parameter per column, `insert … select from
 * unnest(…)` (DESIGN: bulk writes through unnest, not row by row). Array and jsonb columns travel as
 * text and are cast back per row. Every row must carry the same keys as the first.
 */
export const bulkInsert = async <T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][]) => {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType: () => string }>;
  const keys = Object.keys(rows[0] as object).filter((k) => columns[k]);
  const names = keys.map((k) => sql.identifier(columns[k].name));
  const selects = keys.map((k, i) => {
    const type = columns[k].getSQLType();
    const alias = sql.identifier(`c${i}`);
    return sql`${alias}::${sql.raw(type)}`;
  });
  const arrays = keys.map((k) => {
    const type = columns[k].getSQLType();
    const isArray = type.endsWith('[]');
    const isJson = type === 'jsonb' || type === 'json';
    const values = rows.map((r) => {
      const v = (r as Record<string, unknown>)[k];
      if (v === undefined || v === null) return null;
      if (isArray) return arrayLiteral(v as unknown[]);
      if (isJson) return JSON.stringify(v);
      return v;
    });
    const paramType = isArray || isJson ? 'text' : type;
    return sql`${sql.param(values)}::${sql.raw(paramType)}[]`;
  });
  const aliases = keys.map((_, i) => sql.identifier(`c${i}`));
  await tx.execute(
    sql`insert into ${sql.identifier(getTableName(table))} (${sql.join(names, sql`, `)}) select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.join(aliases, sql`, `)})`,
  );
};
