import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';

/** 重点人群: a person of the people ledger in a key-group category, owned by her village. */
export const keyPeople = pgTable(
  'care_key_people',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    personId: uuid('person_id').notNull(),
    category: text('category').notNull(),
    note: text('note'),
    /** active → closing (销号 asked, reason given) → closed (approved by the town); rejected goes back. */
    status: text('status').notNull().default('active'),
    closeReason: text('close_reason'),
    closeRequestedOn: date('close_requested_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    closedBy: uuid('closed_by'),
    ...ledgerColumns(),
  },
  (t) => [
    index('care_key_people_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('care_key_people_person_category_uq')
      .on(t.personId, t.category)
      .where(sql`${t.deletedAt} is null and ${t.status} <> 'closed'`),
  ],
);

/** 家庭风险隐患排查: one screening per key person per month; the rows are the level's history. */
export const riskScreenings = pgTable(
  'care_screenings',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    keyPersonId: uuid('key_person_id').notNull(),
    month: text('month').notNull(),
    screenedOn: date('screened_on', { mode: 'string' }).notNull(),
    risk: text('risk').notNull(),
    reason: text('reason'),
    referralTo: text('referral_to'),
    referralStatus: text('referral_status'),
    referralNote: text('referral_note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('care_screenings_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('care_screenings_month_uq').on(t.keyPersonId, t.month).where(sql`${t.deletedAt} is null`),
    index('care_screenings_month_idx').on(t.month),
  ],
);

/** 婚姻家庭纠纷调解: a case from intake to outcome, 回访 and (if need be) a reopening. */
export const mediationCases = pgTable(
  'care_mediation_cases',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    source: text('source').notNull(),
    ticketNo: text('ticket_no'),
    replyDueOn: date('reply_due_on', { mode: 'string' }),
    repliedOn: date('replied_on', { mode: 'string' }),
    disputeType: text('dispute_type').notNull(),
    parties: jsonb('parties')
      .$type<{ name: string; role: 'applicant' | 'respondent' | 'other' }[]>()
      .notNull(),
    summary: text('summary'),
    mediatorPersonId: uuid('mediator_person_id'),
    assignedUserId: uuid('assigned_user_id'),
    keyPersonId: uuid('key_person_id'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    outcome: text('outcome'),
    referralNote: text('referral_note'),
    closedOn: date('closed_on', { mode: 'string' }),
    followUpDueOn: date('follow_up_due_on', { mode: 'string' }),
    followedUpOn: date('followed_up_on', { mode: 'string' }),
    reopenReason: text('reopen_reason'),
    ...ledgerColumns(),
  },
  (t) => [
    index('care_mediation_cases_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('care_mediation_cases_received_idx').on(t.receivedOn),
  ],
);

/** 调解记录: one sitting of a case (date, who attended, notes); written through the case's lifecycle. */
export const mediationSessions = pgTable(
  'care_mediation_sessions',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    orgPath: text('org_path').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendees: text('attendees').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('care_mediation_sessions_case_idx').on(t.caseId),
    index('care_mediation_sessions_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
  ],
);

/** 结对帮扶: a key person and her helpers (users or volunteers from people), visited at a rhythm until ended. */
export const carePairings = pgTable(
  'care_pairings',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    keyPersonId: uuid('key_person_id').notNull(),
    helpers: jsonb('helpers').$type<{ userId: string | null; personId: string | null }[]>().notNull(),
    frequency: text('frequency').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    ...ledgerColumns(),
  },
  (t) => [
    index('care_pairings_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('care_pairings_active_uq')
      .on(t.keyPersonId)
      .where(sql`${t.deletedAt} is null and ${t.endedOn} is null`),
  ],
);

/** 走访: one visit on a pairing (when, how, what was found, help given); its id is the phone's client id. */
export const careVisits = pgTable(
  'care_visits',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    pairingId: uuid('pairing_id').notNull(),
    keyPersonId: uuid('key_person_id').notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    mode: text('mode').notNull(),
    findings: text('findings').notNull(),
    help: jsonb('help').$type<string[]>().notNull().default([]),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    nextStep: text('next_step'),
    ...ledgerColumns(),
  },
  (t) => [
    index('care_visits_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('care_visits_pairing_idx').on(t.pairingId, t.visitedOn),
    index('care_visits_visited_idx').on(t.visitedOn),
    check('care_visits_amount_ck', sql`${t.amountFen} is null or ${t.amountFen} >= 0`),
  ],
);
