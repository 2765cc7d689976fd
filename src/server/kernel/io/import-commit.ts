import { eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { AuditModule } from '../../../contracts/audit';
import { recordAuditRows } from '../audit/audit';
import { bulkInsert } from '../db/bulk';
import type { Tx } from '../db/connection';
import type { ServiceContext } from '../service-context';
import { type ImportCounts, type ImportIssue, ImportRowsError, type ParsedRow } from './ledger-io';

// The steps every ledger's `commit` shares: collect the rows' problems and refuse the whole import
// before writing anything; split rows into new, changed and unchanged records; write the new ones in
// bulk and the changed ones with their version bumped, each with its audit row.

/** The problems of an import's rows, refused all at once (nothing is written while there are any). */
export class RowIssues {
  readonly list: ImportIssue[] = [];

  add(r: ParsedRow, column: string, value: string, message: string) {
    this.list.push({ row: r.rowNumber, ...(r.sheet ? { sheet: r.sheet } : {}), column, value, message });
  }

  get count() {
    return this.list.length;
  }

  /** Ends the commit (the transaction rolls back) when any row has a problem. */
  throwIfAny() {
    if (this.list.length) throw new ImportRowsError(this.list);
  }
}

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/**
 * The fields the sheet states that differ from the saved record. An empty cell (null, undefined or
 * an empty list) never erases a recorded value; values are compared as JSON, so lists compare by
 * content.
 */
export const changedFields = (current: object, given: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(given).filter(
      ([k, v]) =>
        !isEmpty(v) && JSON.stringify((current as Record<string, unknown>)[k]) !== JSON.stringify(v),
    ),
  );

export type ImportUpdate<Saved> = { before: Saved; set: Record<string, unknown> };

/** What an import will do, record by record: create, update (only what changed) or leave alone. */
export class ImportPlan<Saved extends { id: string }, New> {
  readonly inserts: New[] = [];
  readonly updates: ImportUpdate<Saved>[] = [];
  unchanged = 0;

  create(row: New) {
    this.inserts.push(row);
  }

  /** An update of `before` with `set`, or unchanged when `set` is empty. */
  update(before: Saved, set: Record<string, unknown>) {
    if (Object.keys(set).length) this.updates.push({ before, set });
    else this.unchanged++;
  }

  /** Compares a saved record with what the sheet states (see `changedFields`). */
  compare(before: Saved, given: Record<string, unknown>) {
    this.update(before, changedFields(before, given));
  }

  get counts(): ImportCounts {
    return { created: this.inserts.length, updated: this.updates.length, unchanged: this.unchanged };
  }
}

/** Where an audited record sits, and what its audit row calls it. */
export type AuditedEntity = { id: string; label: string; orgUnitId: string; orgPath: string };

/** A ledger table the import writes: rows with an id, in a unit, with an optimistic version. */
type LedgerTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn };
type Placed = { id: string; orgUnitId: string; orgPath: string };

const INSERT_CHUNK = 2500;

/**
 * The import's writes for one entity type, each with its audit row (`source: 'import'` in `after`).
 * Audit rows are written as given (an import's audit shows masked values only).
 */
export const importWriter = (tx: Tx, ctx: ServiceContext, module: AuditModule, entityType: string) => {
  const audit = (action: string, e: AuditedEntity, before: unknown, after: unknown) => ({
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    ip: ctx.actor.ip,
    module,
    entityType,
    action,
    entityId: e.id,
    entityLabel: e.label,
    orgUnitId: e.orgUnitId,
    orgPath: e.orgPath,
    before,
    after,
  });
  return {
    audit,

    /**
     * New records in bulk, 2,500 a statement, with a `create` audit row each (`after` is what
     * `describe` shows, plus the source); `onProgress` hears the count written after each batch.
     */
    insert: async <T extends PgTable>(
      table: T,
      rows: T['$inferInsert'][],
      describe: (row: T['$inferInsert']) => { label: string; after: Record<string, unknown> },
      onProgress?: (done: number) => Promise<void>,
    ) => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        await bulkInsert(tx, table, chunk);
        await recordAuditRows(
          tx,
          chunk.map((row) => {
            const { label, after } = describe(row);
            const at = row as Placed;
            return audit('create', { id: at.id, label, orgUnitId: at.orgUnitId, orgPath: at.orgPath }, null, {
              ...after,
              source: 'import',
            });
          }),
        );
        await onProgress?.(i + chunk.length);
      }
    },

    /**
     * Changed records one by one (version + 1, updated now, by the importing user), each with an
     * `update` audit row holding the changed fields before and after; `hidden` fields (ciphers) are
     * written but left out of the audit row.
     */
    update: async <T extends LedgerTable, Saved extends Placed>(
      table: T,
      updates: ImportUpdate<Saved>[],
      label: (before: Saved) => string,
      hidden: readonly string[] = [],
    ) => {
      for (const u of updates) {
        await tx
          .update(table)
          .set({
            ...u.set,
            version: sql`${table.version} + 1`,
            updatedAt: sql`now()`,
            updatedBy: ctx.actor.userId,
          } as PgUpdateSetSource<T>)
          .where(eq(table.id, u.before.id));
        const shown = Object.fromEntries(Object.entries(u.set).filter(([k]) => !hidden.includes(k)));
        const before = Object.fromEntries(
          Object.keys(shown).map((k) => [k, (u.before as Record<string, unknown>)[k]]),
        );
        await recordAuditRows(tx, [
          audit(
            'update',
            {
              id: u.before.id,
              label: label(u.before),
              orgUnitId: u.before.orgUnitId,
              orgPath: u.before.orgPath,
            },
            before,
            { ...shown, source: 'import' },
          ),
        ]);
      }
    },
  };
};

/** The page a list query is asked for by an export (in the list's own order). */
export type Paging = { page: number; pageSize: number; sort: undefined };

/**
 * An export's rows a page at a time from the ledger's list query (the export's one definition of
 * its rows), until a page comes back short.
 */
export async function* pagedBatches<T>(pageSize: number, list: (paging: Paging) => Promise<{ items: T[] }>) {
  for (let page = 1; ; page++) {
    const { items } = await list({ page, pageSize, sort: undefined });
    if (items.length === 0) return;
    yield items;
    if (items.length < pageSize) return;
  }
}

/** Rows already in memory, handed to the export writer in batches. */
export async function* inBatches<T>(rows: T[], size = 2000) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
