import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';

/** Money is integer fen end to end (bigint, read as a JS number: far below 2^53). */
const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * 募捐活动 (社会妈妈, 春蕾计划 …): owned by one unit. `balance_fen` is the money in hand not yet
 * promised to a disbursement: donations add to it, a disbursement takes from it in the same
 * transaction with a conditional update (`balance_fen >= amount`), a refused one gives it back.
 * The check constraint is the last line: the balance can never be written negative.
 */
export const fundraisingDrives = pgTable(
  'fundraising_drives',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    description: text('description'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    targetFen: fen('target_fen'),
    raisedFen: fen('raised_fen').notNull().default(0),
    inKindFen: fen('in_kind_fen').notNull().default(0),
    committedFen: fen('committed_fen').notNull().default(0),
    paidFen: fen('paid_fen').notNull().default(0),
    balanceFen: fen('balance_fen').notNull().default(0),
    ...ledgerColumns(),
  },
  (t) => [
    index('fundraising_drives_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    check('fundraising_drives_balance_nonnegative', sql`${t.balanceFen} >= 0`),
  ],
);

/** 捐赠: money (amount, method, receipt number unique in its drive) or in kind (items, estimated value). */
export const donations = pgTable(
  'donations',
  {
    id: uuid('id').primaryKey(),
    driveId: uuid('drive_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    donorName: text('donor_name').notNull(),
    donorKind: text('donor_kind').notNull(),
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    donorPhone: text('donor_phone'),
    kind: text('kind').notNull(),
    amountFen: fen('amount_fen'),
    method: text('method'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    receiptNo: text('receipt_no').notNull(),
    items: text('items'),
    estimatedValueFen: fen('estimated_value_fen'),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('donations_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('donations_drive_idx').on(t.driveId, t.receivedOn),
    uniqueIndex('donations_receipt_uq').on(t.driveId, t.receiptNo).where(sql`${t.deletedAt} is null`),
    check('donations_amount_positive', sql`${t.amountFen} is null or ${t.amountFen} > 0`),
  ],
);

/** 受助对象: a student (school, grade, family situation; minors are sensitive) or another recipient. */
export const beneficiaries = pgTable(
  'beneficiaries',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    gender: text('gender'),
    birthDate: date('birth_date', { mode: 'string' }),
    school: text('school'),
    grade: text('grade'),
    familySituation: text('family_situation'),
    guardianName: text('guardian_name'),
    personId: uuid('person_id'),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [index('beneficiaries_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`)],
);

/**
 * 发放: village submits → town approves → the drive's owner approves → paid (method, date, payer).
 * Its id may be the client's (a retry is the same row). The amount is taken from the drive's
 * balance when submitted and given back when refused.
 */
export const disbursements = pgTable(
  'disbursements',
  {
    id: uuid('id').primaryKey(),
    driveId: uuid('drive_id').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    amountFen: fen('amount_fen').notNull(),
    purpose: text('purpose'),
    status: text('status').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    paidMethod: text('paid_method'),
    payer: text('payer'),
    steps: jsonb('steps').notNull().default(sql`'[]'::jsonb`),
    ...ledgerColumns(),
  },
  (t) => [
    index('disbursements_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('disbursements_drive_idx').on(t.driveId, t.status),
    index('disbursements_beneficiary_idx').on(t.beneficiaryId),
    check('disbursements_amount_positive', sql`${t.amountFen} > 0`),
  ],
);

/**
 * 两癌救助申请: a woman of the people ledger; village submits (with a diagnosis document) → town
 * review → county review → granted or refused → paid (amount, fund). Health data: sensitive.
 */
export const cancerAidApplications = pgTable(
  'cancer_aid_applications',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    personId: uuid('person_id').notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    cancerType: text('cancer_type').notNull(),
    diagnosedOn: date('diagnosed_on', { mode: 'string' }),
    hospital: text('hospital'),
    incomeCategory: text('income_category').notNull(),
    documentKey: text('document_key'),
    documentType: text('document_type'),
    documentBytes: bigint('document_bytes', { mode: 'number' }),
    status: text('status').notNull(),
    amountFen: fen('amount_fen'),
    fund: text('fund'),
    grantedOn: date('granted_on', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    steps: jsonb('steps').notNull().default(sql`'[]'::jsonb`),
    ...ledgerColumns(),
  },
  (t) => [
    index('cancer_aid_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('cancer_aid_person_idx').on(t.personId),
    check('cancer_aid_amount_positive', sql`${t.amountFen} is null or ${t.amountFen} > 0`),
  ],
);
