import type { AuditModule } from '../../../contracts/audit';
import type { Actor } from '../access/actor';
import { bulkInsert } from '../db/bulk';
import type { Tx } from '../db/connection';
import { auditLog } from './audit.table';

/** Keys never written to the audit log, whatever the module passes. */
const REDACTED_KEYS = new Set(['passwordHash', 'password', 'csrfToken', 'token', 'idNumberCipher']);

const redact = (value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!REDACTED_KEYS.has(k)) out[k] = v;
  }
  return out;
};

export type AuditEntryInput = {
  module: AuditModule;
  action: string;
  entityType?: string;
  entityId?: string;
  entityLabel?: string;
  orgUnitId?: string | null;
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Writes the audit row inside the caller's transaction: if it fails, the change fails with it
 * (fail closed), and a rolled-back change leaves no audit row behind.
 */
export const recordAudit = async (
  tx: Tx,
  actor: Pick<Actor, 'userId' | 'displayName' | 'ip'> | null,
  entry: AuditEntryInput,
  ip?: string | null,
) => {
  await tx.insert(auditLog).values({
    actorUserId: actor?.userId ?? null,
    actorName: actor?.displayName ?? null,
    ip: actor?.ip ?? ip ?? null,
    module: entry.module,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    entityLabel: entry.entityLabel ?? null,
    orgUnitId: entry.orgUnitId ?? null,
    orgPath: entry.orgPath ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
  });
};

export type AuditRowInput = typeof auditLog.$inferInsert;

/**
 * Many audit rows in one statement (imports, batch entry, the demo seed), redacted like `recordAudit`'s,
 * in the caller's transaction. The one way besides `recordAudit` to write the audit table: modules never
 * insert into it themselves (dialect.test.ts).
 */
export const recordAuditRows = async (tx: Tx, rows: AuditRowInput[]) => {
  if (rows.length === 0) return;
  await bulkInsert(
    tx,
    auditLog,
    rows.map((r) => ({ ...r, before: redact(r.before), after: redact(r.after) })),
  );
};
