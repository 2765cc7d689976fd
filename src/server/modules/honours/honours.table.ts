import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';
import { photoTable } from '../../kernel/files/photo-attachments';

/**
 * 选树典型: a nomination of a person, a household or a collective (an org unit) for a title of the
 * county's catalogue, by the nominating unit (`org_unit_id`). The title's level and awarding body are
 * copied in when nominated, so a later change of the catalogue does not rewrite past honours.
 */
export const nominations = pgTable(
  'nominations',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    year: integer('year').notNull(),
    titleCode: text('title_code').notNull(),
    level: text('level').notNull(),
    awardingBody: text('awarding_body').notNull(),
    nomineeKind: text('nominee_kind').notNull(),
    personId: uuid('person_id'),
    householdId: uuid('household_id'),
    collectiveUnitId: uuid('collective_unit_id'),
    deeds: text('deeds'),
    status: text('status').notNull().default('nominated'),
    noticeFrom: date('notice_from', { mode: 'string' }),
    noticeTo: date('notice_to', { mode: 'string' }),
    awardedOn: date('awarded_on', { mode: 'string' }),
    outcomeNote: text('outcome_note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('nominations_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('nominations_household_idx').on(t.householdId),
    index('nominations_person_idx').on(t.personId),
    index('nominations_awarded_idx').on(t.awardedOn),
  ],
);

/** A nomination's certificate photos (获奖证书、奖牌). */
export const nominationPhotos = photoTable('nomination_photos', 'nomination_id');

/** 履职规则: what a town asks of its executive members, with its rhythm and the record that fulfils it. */
export const dutyRules = pgTable(
  'duty_rules',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    rhythm: text('rhythm').notNull(),
    fulfilledBy: text('fulfilled_by').notNull(),
    times: integer('times').notNull().default(1),
    ...ledgerColumns(),
  },
  (t) => [index('duty_rules_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`)],
);

/** 履职记录: a contact, key-family visit, duty-chair turn or report by one executive member. */
export const dutyRecords = pgTable(
  'duty_records',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    memberId: uuid('member_id').notNull(),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    womenContacted: integer('women_contacted').notNull().default(0),
    householdsContacted: integer('households_contacted').notNull().default(0),
    matters: text('matters'),
    followUp: text('follow_up'),
    ...ledgerColumns(),
  },
  (t) => [
    index('duty_records_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('duty_records_member_idx').on(t.memberId, t.kind, t.occurredOn),
    index('duty_records_occurred_idx').on(t.occurredOn),
  ],
);

/** 项目领办: a project claimed by a member, its progress, and its completion with evidence. */
export const dutyProjects = pgTable(
  'duty_projects',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    memberId: uuid('member_id').notNull(),
    title: text('title').notNull(),
    claimedOn: date('claimed_on', { mode: 'string' }).notNull(),
    progress: integer('progress').notNull().default(0),
    progressNote: text('progress_note'),
    doneOn: date('done_on', { mode: 'string' }),
    evidence: text('evidence'),
    ...ledgerColumns(),
  },
  (t) => [
    index('duty_projects_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('duty_projects_member_idx').on(t.memberId, t.doneOn),
  ],
);
