import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Append-only (a trigger refuses UPDATE and DELETE; the app's role has only INSERT and SELECT): who changed
 * what, when, from where, before/after. Hash-chained: a BEFORE INSERT trigger (SECURITY DEFINER, see
 * drizzle/0012_audit_chain.sql) assigns `id` in chain order and sets `prev_hash` and `hash`; whatever the
 * inserter passes for these three is overwritten. `audit verify` walks the chain. The id column has no
 * default in the database (the trigger takes it); `bigserial` here only makes it optional in inserts.
 */
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
    // `prev_hash` and `hash` (text, NOT NULL) are the trigger's and deliberately not declared: drizzle names
    // every declared column in each insert, and a backup taken by this code of a database an older release
    // left (not yet migrated) must still write its audit row. Read them with SQL (`audit-chain.ts`).
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('audit_log_actor_idx').on(t.actorUserId),
    index('audit_log_entity_idx').on(t.entityId),
  ],
);

/**
 * The chain's head: one row, locked by each appender (so concurrent writers form one chain, in id order).
 * Written only by the SECURITY DEFINER trigger; the app's role may read it, not change it.
 */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    isHead: boolean('is_head').primaryKey().default(true),
    lastId: bigint('last_id', { mode: 'number' }).notNull(),
    lastHash: text('last_hash').notNull(),
  },
  (t) => [check('audit_chain_head_one_row', sql`${t.isHead}`)],
);
