import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every ledger row carries: who/when, optimistic lock version, soft delete. */
export const ledgerColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'string' }),
});

/** PostgreSQL's timestamptz text (session TimeZone=UTC) as ISO 8601, e.g. `2026-03-05T08:00:00.123Z`. */
export const iso = <T extends string | null>(ts: T): T =>
  (ts === null ? null : ts.replace(' ', 'T').replace(/\+00(:00)?$/, 'Z')) as T;
