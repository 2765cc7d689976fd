import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';

/** 统计报表定义: named indicators × period type × org level, owned by a unit. */
export const reportDefinitions = pgTable(
  'report_definitions',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    periodType: text('period_type').notNull(),
    orgLevel: text('org_level').notNull(),
    columns: jsonb('columns').notNull(),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [index('report_definitions_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`)],
);

/** 工作总结/小结: the current version of a drafted, editable summary. */
export const workSummaries = pgTable(
  'work_summaries',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    month: integer('month'),
    style: text('style').notNull(),
    title: text('title').notNull(),
    content: jsonb('content').notNull(),
    /** 成文日期, the 落款 date: set when drafted, changed only by her, exported as it is. */
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    ...ledgerColumns(),
  },
  (t) => [
    index('work_summaries_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('work_summaries_unit_idx').on(t.orgUnitId, t.kind, t.year),
  ],
);

/** Every save of a summary: the full content at that version. */
export const workSummaryVersions = pgTable(
  'work_summary_versions',
  {
    summaryId: uuid('summary_id').notNull(),
    version: integer('version').notNull(),
    orgPath: text('org_path').notNull(),
    action: text('action').notNull(),
    title: text('title').notNull(),
    style: text('style').notNull(),
    content: jsonb('content').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    savedBy: uuid('saved_by'),
    savedByName: text('saved_by_name'),
    savedAt: timestamp('saved_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.summaryId, t.version] })],
);
