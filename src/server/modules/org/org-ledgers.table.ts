import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';

/** 阵地: a physical service place of a federation. */
export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    openedOn: date('opened_on', { mode: 'string' }),
    contactPersonId: uuid('contact_person_id'),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('sites_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('sites_unit_name_uq').on(t.orgUnitId, t.name).where(sql`${t.deletedAt} is null`),
  ],
);

/** 网格: a small area of a village, covered by one executive member. Households point to it. */
export const grids = pgTable(
  'grids',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    memberPersonId: uuid('member_person_id'),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('grids_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('grids_unit_name_uq').on(t.orgUnitId, t.name).where(sql`${t.deletedAt} is null`),
  ],
);

/** 妇女小组: a group of women inside a grid, with a leader. */
export const womenGroups = pgTable(
  'women_groups',
  {
    id: uuid('id').primaryKey(),
    gridId: uuid('grid_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    leaderPersonId: uuid('leader_person_id'),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [index('women_groups_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`)],
);

export const womenGroupMembers = pgTable(
  'women_group_members',
  { groupId: uuid('group_id').notNull(), personId: uuid('person_id').notNull() },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] })],
);

/** 换届: an election of an org unit's chair, vice-chairs and executive members. */
export const elections = pgTable(
  'elections',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    seats: integer('seats'),
    termYears: integer('term_years').notNull().default(5),
    endedTerms: integer('ended_terms').notNull().default(0),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [index('elections_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`)],
);
