import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { AuditEntry, ListAuditQuery } from '../../../contracts/audit';
import { scoped } from '../../kernel/access/access';
import { auditLog } from '../../kernel/audit/audit.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';

type AuditRow = typeof auditLog.$inferSelect;

export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: String(r.id),
  at: iso(r.at),
  actorUserId: r.actorUserId,
  actorName: r.actorName,
  ip: r.ip,
  module: r.module,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  entityLabel: r.entityLabel,
  orgUnitId: r.orgUnitId,
  before: r.before ?? null,
  after: r.after ?? null,
});

/** Dates are Asia/Shanghai calendar days: `to` includes the whole day. */
const whereOf = (scopePath: string, q: Omit<ListAuditQuery, 'page' | 'pageSize' | 'sort'>): SQL | undefined =>
  and(
    scoped(auditLog.orgPath, scopePath),
    q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
    q.module ? eq(auditLog.module, q.module) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.from ? gte(auditLog.at, sql`(${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
    q.to ? lt(auditLog.at, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
  );

export const listAuditRows = async (db: DbOrTx, scopePath: string, q: ListAuditQuery) => {
  const where = whereOf(scopePath, q);
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ row: auditLog, totalCount: totalCount() })
    .from(auditLog)
    .where(where)
    .orderBy(...orderBy(q.sort, { at: auditLog.at }, [desc(auditLog.id)]))
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where))[0].n;
  return toListResult(rows, count, (r) => toAuditEntry(r.row));
};

/** Keyset pages of the filtered log, newest first, for streaming exports. */
export async function* auditBatches(db: DbOrTx, scopePath: string, q: ListAuditQuery, batchSize = 2000) {
  let beforeId: number | undefined;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(whereOf(scopePath, q), beforeId ? lt(auditLog.id, beforeId) : undefined))
      .orderBy(desc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map(toAuditEntry);
    beforeId = rows[rows.length - 1].id;
    if (rows.length < batchSize) return;
  }
}
