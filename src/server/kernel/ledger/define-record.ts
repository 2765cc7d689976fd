import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditModule } from '../../../contracts/audit';
import type { Permission } from '../../../contracts/common/permissions';
import { requireAccess, requirePermission, scoped, scopedAbove } from '../access/access';
import { orgUnits } from '../access/org-units.table';
import { recordAudit, recordAuditRows } from '../audit/audit';
import type { DbOrTx, Tx } from '../db/connection';
import { AppError, notFound } from '../http/errors';
import { checkVersion } from '../http/locking';
import type { ServiceContext } from '../service-context';

/** A ledger table: scoped by `org_path`, optimistically locked by `version`, soft-deleted by `deleted_at`. */
export type LedgerTable = PgTable & {
  id: AnyPgColumn;
  orgPath: AnyPgColumn;
  version: AnyPgColumn;
  updatedAt: AnyPgColumn;
  deletedAt: AnyPgColumn;
};

/** The columns the lifecycle itself reads from a locked row. */
export type LedgerRow = { id: string; orgPath: string; version: number; deletedAt: string | null };

export type RowOf<T extends LedgerTable> = T['$inferSelect'] & LedgerRow;

/** What the audit log needs of a record as the API shows it. */
export type RecordImage = { id: string; orgUnitId?: string | null };

export type RecordSpec<T extends LedgerTable, D extends RecordImage> = {
  /** The audit log's `entity_type` (and the history drawer's key). */
  entityType: string;
  table: T;
  /** The record's name in zh-CN messages: `${label}不存在或已被删除`, `该${label}未被删除，无需恢复`. */
  label: string;
  auditModule: AuditModule;
  permissions: { read: Permission; write: Permission };
  /** Every get, list and export of a sensitive record is audited (who read what). */
  isSensitive?: boolean;
  /**
   * The record as the API shows it, within `scopePath` ('/' once the row is locked in scope): the
   * before/after images of the audit log and what a write returns.
   */
  find: (db: DbOrTx, ctx: ServiceContext, scopePath: string, id: string) => Promise<D | undefined>;
  /** The audit row's `entity_label`. */
  describe: (record: D) => string;
  /**
   * A write error (a unique violation, say) as the user's message: throw it, or return to rethrow
   * the original. `before` is absent on create.
   */
  onWriteError?: (e: unknown, before: D | undefined) => void;
  /** What the audit log keeps of a record (default: all of it), e.g. without a long text body. */
  auditImage?: (record: D) => object;
  /**
   * Records handed down the tree (a county's report definition, campaign): units below see and use
   * them, so a change by one of them is refused with 403 naming the owner, never the 404 of a
   * record she cannot see.
   */
  isHandedDown?: boolean;
};

export type ReadVia = 'get' | 'list' | 'export';

/**
 * One record type's lifecycle, declared once: scoped lock, create, edit with version check and
 * before/after audit, soft delete and restore, and a read audit for sensitive types. Domain rules
 * stay in the services, passed in as the `change`/`check` callbacks.
 */
export const defineRecord = <T extends LedgerTable, D extends RecordImage>(spec: RecordSpec<T, D>) => {
  const { table, label } = spec;
  const missing = () => notFound(label);

  const mapped = async <R>(before: D | undefined, write: () => Promise<R>): Promise<R> => {
    try {
      return await write();
    } catch (e) {
      spec.onWriteError?.(e, before);
      throw e;
    }
  };

  /** The row FOR UPDATE within the caller's subtree, soft-deleted or not; undefined if none. */
  const lockRow = async (tx: Tx, ctx: ServiceContext, id: string): Promise<RowOf<T> | undefined> => {
    const t = table as LedgerTable;
    const rows = await tx
      .select()
      .from(t)
      .where(and(eq(t.id, id), scoped(t.orgPath, ctx.actor.orgPath)))
      .for('update');
    return rows[0] as RowOf<T> | undefined;
  };

  /** A handed-down record of a unit above her: 403 naming that unit (she sees it, she may not change it). */
  const refuseHandedDown = async (tx: Tx, ctx: ServiceContext, id: string) => {
    if (!spec.isHandedDown) return;
    const t = table as LedgerTable;
    const [owner] = await tx
      .select({ name: orgUnits.name })
      .from(t)
      .innerJoin(orgUnits, eq(orgUnits.path, t.orgPath))
      .where(and(eq(t.id, id), scopedAbove(t.orgPath, ctx.actor.orgPath)));
    if (owner)
      throw new AppError('FORBIDDEN', `无权操作：该${label}由${owner.name}制定，只有该单位可以修改或删除`);
  };

  /** The live row FOR UPDATE within the caller's subtree; 404 when missing, out of scope or deleted. */
  const lock = async (tx: Tx, ctx: ServiceContext, id: string): Promise<RowOf<T>> => {
    const row = await lockRow(tx, ctx, id);
    if (!row || row.deletedAt) throw missing();
    return row;
  };

  /** The record as the API shows it, once its row is locked (or just written) in scope. */
  const image = async (tx: Tx, ctx: ServiceContext, id: string): Promise<D> => {
    const record = await spec.find(tx, ctx, '/', id);
    if (!record) throw missing();
    return record;
  };

  /** Sets columns of one row (the table's own, typed), moving its version on. */
  const write = (tx: Tx, id: string, set: Partial<T['$inferInsert']>) => {
    const t = table as LedgerTable;
    return tx
      .update(t)
      .set({ ...set, version: sql`${t.version} + 1`, updatedAt: sql`now()` } as never)
      .where(eq(t.id, id));
  };

  const kept = (record: D): object => (spec.auditImage ? spec.auditImage(record) : record);

  /** The audit row of one write; `extra` adds to the before/after images (what else moved). */
  const audit = (
    tx: Tx,
    ctx: ServiceContext,
    action: string,
    before: D | null,
    after: D,
    orgPath: string,
    extra?: { before?: object; after?: object },
  ) =>
    recordAudit(tx, ctx.actor, {
      module: spec.auditModule,
      action,
      entityType: spec.entityType,
      entityId: after.id,
      entityLabel: spec.describe(after),
      orgUnitId: after.orgUnitId ?? null,
      orgPath,
      before: before && (extra?.before ? { ...kept(before), ...extra.before } : kept(before)),
      after: extra?.after ? { ...kept(after), ...extra.after } : kept(after),
    });

  /**
   * Inside the caller's transaction (which has checked access to the unit): runs the insert,
   * audits 'create' with the new record as the after image and returns it.
   */
  const create = async (
    tx: Tx,
    ctx: ServiceContext,
    target: { id: string; orgPath: string },
    insert: () => Promise<unknown>,
  ): Promise<D> => {
    await mapped(undefined, insert);
    const after = await image(tx, ctx, target.id);
    await audit(tx, ctx, 'create', null, after, target.orgPath);
    return after;
  };

  /**
   * The one write path: write permission, lock in scope (deleted rows too: restore needs them),
   * version check (404/409), before image, the change, after image, audit — one transaction.
   */
  const edit = (
    ctx: ServiceContext,
    id: string,
    version: number,
    action: string,
    change: (tx: Tx, row: RowOf<T>, before: D) => Promise<unknown>,
  ) =>
    ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, spec.permissions.write);
      const locked = await lockRow(tx, ctx, id);
      if (!locked) await refuseHandedDown(tx, ctx, id);
      const row = checkVersion(locked, version, label);
      const before = await image(tx, ctx, id);
      await mapped(before, () => change(tx, row, before));
      const after = await image(tx, ctx, id);
      await audit(tx, ctx, action, before, after, row.orgPath);
      return after;
    });

  /** An edit of a live record ('update' unless named); `change` writes it (see `write`). */
  const update = (
    ctx: ServiceContext,
    id: string,
    version: number,
    change: (tx: Tx, row: RowOf<T>, before: D) => Promise<unknown>,
    action = 'update',
  ) =>
    edit(ctx, id, version, action, async (tx, row, before) => {
      if (row.deletedAt) throw missing();
      await change(tx, row, before);
    });

  /** 'delete': marks a live record deleted after the service's `check` (dependants, say) passes. */
  const softDelete = (
    ctx: ServiceContext,
    id: string,
    version: number,
    check?: (tx: Tx, row: RowOf<T>) => Promise<unknown>,
  ) =>
    edit(ctx, id, version, 'delete', async (tx, row) => {
      if (row.deletedAt) throw missing();
      await check?.(tx, row);
      await write(tx, id, { deletedAt: new Date().toISOString(), updatedBy: ctx.actor.userId } as never);
    });

  /** 'restore': brings a deleted record back after the service's `check` (no clash, say) passes. */
  const restore = (
    ctx: ServiceContext,
    id: string,
    version: number,
    check?: (tx: Tx, row: RowOf<T>) => Promise<unknown>,
  ) =>
    edit(ctx, id, version, 'restore', async (tx, row) => {
      if (!row.deletedAt) throw new AppError('CONFLICT', `该${label}未被删除，无需恢复`);
      await check?.(tx, row);
      await write(tx, id, { deletedAt: null, updatedBy: ctx.actor.userId } as never);
    });

  /**
   * One audit row per record for a write of many at once (a batch entry, say), in the caller's
   * transaction; each entry brings its own label, unit and images.
   */
  const auditRows = (
    tx: Tx,
    ctx: ServiceContext,
    action: string,
    entries: {
      id: string;
      label: string | null;
      orgUnitId: string | null;
      orgPath: string;
      before?: object | null;
      after: object;
    }[],
  ) =>
    recordAuditRows(
      tx,
      entries.map((e) => ({
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        ip: ctx.actor.ip,
        module: spec.auditModule,
        action,
        entityType: spec.entityType,
        entityId: e.id,
        entityLabel: e.label,
        orgUnitId: e.orgUnitId,
        orgPath: e.orgPath,
        before: e.before ?? null,
        after: e.after,
      })),
    );

  /** Records who read which sensitive records (no-op for other types), in the caller's transaction. */
  const recordRead = async (tx: Tx, ctx: ServiceContext, via: ReadVia, records: D[], orgPath: string) => {
    if (!spec.isSensitive || records.length === 0) return;
    await auditRows(
      tx,
      ctx,
      'read',
      records.map((r) => ({
        id: r.id,
        label: spec.describe(r),
        orgUnitId: r.orgUnitId ?? null,
        orgPath,
        after: { via },
      })),
    );
  };

  /**
   * The path of the unit a new record goes to, once the caller is found to hold the record's write
   * permission there (403/404 otherwise).
   */
  const unitPath = async (tx: Tx, ctx: ServiceContext, orgUnitId: string): Promise<string> => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: spec.permissions.write,
      orgUnitIds: [orgUnitId],
    });
    return paths.get(orgUnitId) as string;
  };

  /** One record in the caller's subtree (read permission, 404 otherwise), read-audited if sensitive. */
  const get = async (ctx: ServiceContext, id: string): Promise<D> => {
    requirePermission(ctx.actor, spec.permissions.read);
    if (!spec.isSensitive) {
      const record = await spec.find(ctx.db, ctx, ctx.actor.orgPath, id);
      if (!record) throw missing();
      return record;
    }
    return ctx.db.transaction(async (tx) => {
      const record = await spec.find(tx, ctx, ctx.actor.orgPath, id);
      if (!record) throw missing();
      await recordRead(tx, ctx, 'get', [record], ctx.actor.orgPath);
      return record;
    });
  };

  return {
    entityType: spec.entityType,
    table,
    label,
    auditModule: spec.auditModule,
    permissions: spec.permissions,
    isSensitive: spec.isSensitive ?? false,
    notFound: missing,
    lock,
    image,
    write,
    audit,
    auditRows,
    unitPath,
    create,
    edit,
    update,
    softDelete,
    restore,
    get,
    recordRead,
  };
};

export type LedgerRecord<T extends LedgerTable, D extends RecordImage> = ReturnType<
  typeof defineRecord<T, D>
>;
