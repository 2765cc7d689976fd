import { and, desc, eq, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { historyEntityTypes } from '../../../contracts/audit';
import type { Permission } from '../../../contracts/common/permissions';
import { requirePermission, scoped } from '../../kernel/access/access';
import { auditLog } from '../../kernel/audit/audit.table';
import { notFound } from '../../kernel/http/errors';
import { registeredModules } from '../../kernel/module';
import type { ServiceContext } from '../../kernel/service-context';
import { toAuditEntry } from './audit.repository';

/**
 * The record types whose history may be read, from every module's `records`: reading one's history
 * needs the permission to read the record itself (not audit.read), and the record itself is checked
 * against the caller's subtree in its table. Built on first use, from the registered list.
 */
let registry: Map<string, { permission: Permission; table: string; pathColumn: string }> | undefined;
export const historyRecords = () => {
  registry ??= new Map(
    registeredModules().flatMap((m) =>
      (m.records ?? []).map((r) => {
        const columns = Object.values(getTableColumns(r.table)).map((c) => c.name);
        const pathColumn = columns.includes('org_path') ? 'org_path' : 'path';
        return [r.entityType, { permission: r.permissions.read, table: getTableName(r.table), pathColumn }];
      }),
    ),
  );
  return registry;
};

/**
 * Every recorded change of one record, newest first. The record must lie in the caller's subtree
 * (else 404, as for a missing record); the rows shown are those written inside her subtree.
 */
export const recordHistory = async (
  ctx: ServiceContext,
  q: { entityType: (typeof historyEntityTypes)[number]; entityId: string },
) => {
  const record = historyRecords().get(q.entityType);
  if (!record) throw notFound();
  requirePermission(ctx.actor, record.permission);
  const { table, pathColumn } = record;
  const found = await ctx.db.execute(
    sql`select 1 from ${sql.identifier(table)} where id = ${q.entityId} and ${scoped(pathColumn, ctx.actor.orgPath)}`,
  );
  if (found.rows.length === 0) throw notFound();
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, q.entityType),
        eq(auditLog.entityId, q.entityId),
        scoped(auditLog.orgPath, ctx.actor.orgPath),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(200);
  return { items: rows.map(toAuditEntry) };
};
