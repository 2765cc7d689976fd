import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';
import { photoTable } from '../../kernel/files/photo-attachments';

/**
 * 量化评分细则: one version of a unit's rubric for a year. Editing a version that inspections used
 * adds the next `version_no`; the highest live one is current, older ones stay for their inspections.
 */
export const courtyardRubrics = pgTable(
  'courtyard_rubrics',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    year: integer('year').notNull(),
    versionNo: integer('version_no').notNull(),
    name: text('name').notNull(),
    isExample: boolean('is_example').notNull().default(false),
    rules: jsonb('rules').notNull(),
    ...ledgerColumns(),
  },
  (t) => [
    index('courtyard_rubrics_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('courtyard_rubrics_version_uq').on(t.orgUnitId, t.year, t.versionNo),
  ],
);

/** 验收小组: village chairs (persons) of a town who inspect other villages together. */
export const courtyardGroups = pgTable(
  'courtyard_groups',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    memberIds: uuid('member_ids').array().notNull(),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [index('courtyard_groups_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`)],
);

/** A town's month: which group inspects which village. `org_path` is the village's. */
export const courtyardAssignments = pgTable(
  'courtyard_assignments',
  {
    id: uuid('id').primaryKey(),
    townId: uuid('town_id').notNull(),
    month: text('month').notNull(),
    villageId: uuid('village_id').notNull(),
    orgPath: text('org_path').notNull(),
    groupId: uuid('group_id').notNull(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('courtyard_assignments_uq').on(t.townId, t.month, t.villageId),
    index('courtyard_assignments_group_idx').on(t.groupId, t.month),
  ],
);

/** 入户检查: one inspection of one household, scored with one rubric version. */
export const courtyardInspections = pgTable(
  'courtyard_inspections',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    householdId: uuid('household_id').notNull(),
    rubricId: uuid('rubric_id').notNull(),
    kind: text('kind').notNull(),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    month: text('month').notNull(),
    groupId: uuid('group_id'),
    inspectorNames: text('inspector_names'),
    itemScores: jsonb('item_scores').notNull().default(sql`'[]'::jsonb`),
    deductions: jsonb('deductions').notNull().default(sql`'[]'::jsonb`),
    vetoCodes: text('veto_codes').array().notNull().default(sql`'{}'::text[]`),
    totalScore: doublePrecision('total_score').notNull(),
    rating: text('rating'),
    isVeto: boolean('is_veto').notNull().default(false),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('courtyard_inspections_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('courtyard_inspections_household_idx').on(t.householdId, t.inspectedOn),
    index('courtyard_inspections_date_idx').on(t.inspectedOn),
    index('courtyard_inspections_rubric_idx').on(t.rubricId),
    uniqueIndex('courtyard_inspections_monthly_uq')
      .on(t.householdId, t.month)
      .where(sql`${t.kind} = 'monthly' and ${t.deletedAt} is null`),
  ],
);

/** 整改: a problem found (usually a deduction) with a deadline; overdue = open past the deadline. */
export const courtyardRectifications = pgTable(
  'courtyard_rectifications',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    householdId: uuid('household_id').notNull(),
    inspectionId: uuid('inspection_id'),
    itemCode: text('item_code'),
    problem: text('problem').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    ownerName: text('owner_name'),
    status: text('status').notNull().default('open'),
    fixedOn: date('fixed_on', { mode: 'string' }),
    fixNote: text('fix_note'),
    verifiedOn: date('verified_on', { mode: 'string' }),
    verifiedBy: uuid('verified_by'),
    verifiedByName: text('verified_by_name'),
    ...ledgerColumns(),
  },
  (t) => [
    index('courtyard_rectifications_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('courtyard_rectifications_household_idx').on(t.householdId),
    index('courtyard_rectifications_inspection_idx').on(t.inspectionId),
    index('courtyard_rectifications_open_idx')
      .on(t.deadline)
      .where(sql`${t.status} = 'open' and ${t.deletedAt} is null`),
  ],
);

/** An inspection's photos (the problems found), through the kernel's photo mechanism. */
export const courtyardInspectionPhotos = photoTable('courtyard_inspection_photos', 'inspection_id');
/** A rectification's photos, phase `before` (the problem) or `after` (the fix, needed to report it fixed). */
export const courtyardRectificationPhotos = photoTable('courtyard_rectification_photos', 'rectification_id');

/** A household's current rating and plaque (the latest confirmed change of each). */
export const courtyardHouseholdStatus = pgTable(
  'courtyard_household_status',
  {
    householdId: uuid('household_id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    rating: text('rating'),
    ratedOn: date('rated_on', { mode: 'string' }),
    plaqueLevel: text('plaque_level'),
    plaqueSince: date('plaque_since', { mode: 'string' }),
    averageScore: doublePrecision('average_score'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('courtyard_household_status_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
  ],
);

/** Rating history: every confirmed change with its reason (the rating at a date is the latest ≤ it). */
export const courtyardRatingChanges = pgTable(
  'courtyard_rating_changes',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    month: text('month').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    fromRating: text('from_rating'),
    toRating: text('to_rating'),
    averageScore: doublePrecision('average_score'),
    reason: text('reason').notNull(),
    reviewId: uuid('review_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /**
     * Kept by a trigger (drizzle/0010): the household's next change's date, so the change holds the
     * rating on the days [effective_on, valid_until) — the rating at a date is one indexed row
     * instead of a sort of the household's history. A later change on the same day makes it empty.
     */
    validUntil: date('valid_until', { mode: 'string' }),
    /** Kept by the same trigger: the household's first change to this level (新评定). */
    isFirstReach: boolean('is_first_reach').notNull().default(false),
  },
  (t) => [
    index('courtyard_rating_changes_household_idx').on(t.householdId, t.effectiveOn),
    index('courtyard_rating_changes_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('courtyard_rating_changes_effective_idx').on(t.effectiveOn),
  ],
);

/** 挂牌 / 换牌 / 摘牌: every plaque change with date and reason. */
export const courtyardPlaqueEvents = pgTable(
  'courtyard_plaque_events',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    kind: text('kind').notNull(),
    fromLevel: text('from_level'),
    toLevel: text('to_level'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    reviewId: uuid('review_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('courtyard_plaque_events_household_idx').on(t.householdId, t.occurredOn),
    index('courtyard_plaque_events_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('courtyard_plaque_events_occurred_idx').on(t.occurredOn),
  ],
);

/** 评比会: a town's month, computed into a pending list, then confirmed (applied) with reasons. */
export const courtyardReviews = pgTable(
  'courtyard_reviews',
  {
    id: uuid('id').primaryKey(),
    townId: uuid('town_id').notNull(),
    orgPath: text('org_path').notNull(),
    month: text('month').notNull(),
    status: text('status').notNull().default('pending'),
    items: jsonb('items').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    meetingOn: date('meeting_on', { mode: 'string' }),
    note: text('note'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'string' }),
    confirmedBy: uuid('confirmed_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('courtyard_reviews_uq').on(t.townId, t.month)],
);

/** The featured-courtyard categories a county configures (absent: the default list). */
export const courtyardFeaturedOptions = pgTable('courtyard_featured_options', {
  rootOrgUnitId: uuid('root_org_unit_id').primaryKey(),
  categories: jsonb('categories').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** 特色庭院: a household designated in a category on a date (soft delete revokes). */
export const courtyardFeatured = pgTable(
  'courtyard_featured',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    category: text('category').notNull(),
    designatedOn: date('designated_on', { mode: 'string' }).notNull(),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('courtyard_featured_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('courtyard_featured_uq').on(t.householdId, t.category).where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * Inspections counted per unit, month and kind, kept by a trigger on `courtyard_inspections`
 * (drizzle/0010) in the writing transaction: the county's year of inspections is a few thousand of
 * these rows instead of millions of records. Derived — `courtyard_rollups_rebuild()` recomputes it.
 * Not in `scopedLedgerTables`: a unit move rewrites the inspections, and the trigger moves the counts.
 */
export const courtyardInspectionsByMonth = pgTable(
  'courtyard_inspections_by_month',
  {
    orgPath: text('org_path').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    inspections: integer('inspections').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgPath, t.month, t.kind] })],
);

/**
 * Each household's inspections of a year by kind and month (`m1`…`m12` are counts), kept by the same
 * trigger: the households inspected in a period are the rows with a non-zero month in it — one row
 * per household instead of one per inspection.
 */
const monthCounts = Object.fromEntries(
  Array.from({ length: 12 }, (_, n) => [
    `m${n + 1}`,
    smallint(`m${n + 1}`)
      .notNull()
      .default(0),
  ]),
) as Record<`m${number}`, ReturnType<typeof smallint>>;
export const courtyardInspectedHouseholds = pgTable(
  'courtyard_inspected_households',
  {
    householdId: uuid('household_id').notNull(),
    year: integer('year').notNull(),
    orgPath: text('org_path').notNull(),
    kind: text('kind').notNull(),
    ...monthCounts,
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.year, t.orgPath, t.kind] }),
    index('courtyard_inspected_households_scope_idx').using(
      'btree',
      t.year,
      sql`${t.orgPath} text_pattern_ops`,
    ),
  ],
);
