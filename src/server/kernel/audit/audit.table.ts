import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only (a trigger refuses UPDATE and DELETE): who changed what, when, from where, before/after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    ip: text('ip'),
    module: text('module').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    entityLabel: text('entity_label'),
    orgUnitId: uuid('org_unit_id'),
    orgPath: text('org_path'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('audit_log_actor_idx').on(t.actorUserId),
    index('audit_log_entity_idx').on(t.entityId),
  ],
);
