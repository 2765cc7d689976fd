import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';

/** 农户/家庭: a household in a village (courtyard, credit and care ledgers hang off it). */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    address: text('address').notNull(),
    houseNumber: text('house_number'),
    headPersonId: uuid('head_person_id'),
    gridId: uuid('grid_id'),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('households_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('households_grid_idx').on(t.gridId),
    uniqueIndex('households_address_uq')
      .on(t.orgUnitId, t.address, sql`coalesce(${t.houseNumber}, '')`)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * A person in the federation's records, entered once. The ID number is stored encrypted with a
 * blind index (duplicates, lookup) and a masked form for lists; the phone likewise.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    gender: text('gender'),
    birthDate: date('birth_date', { mode: 'string' }),
    /** Only when the sheet gave an age (35周岁) and no birth date or ID number. */
    approxBirthYear: integer('approx_birth_year'),
    idNumberCipher: text('id_number_cipher'),
    idNumberIndex: text('id_number_index'),
    idNumberMasked: text('id_number_masked'),
    phoneCipher: text('phone_cipher'),
    phoneMasked: text('phone_masked'),
    householdId: uuid('household_id'),
    relationToHead: text('relation_to_head'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('persons_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('persons_id_number_uq')
      .on(t.idNumberIndex)
      .where(sql`${t.deletedAt} is null and ${t.idNumberIndex} is not null`),
    index('persons_household_idx').on(t.householdId),
    index('persons_pinyin_idx').using('btree', sql`${t.namePinyin} text_pattern_ops`),
    index('persons_name_idx').on(t.name),
  ],
);

/** The person tags a deployment's root unit configures (absent: the default list). */
export const personTagOptions = pgTable('person_tag_options', {
  rootOrgUnitId: uuid('root_org_unit_id').primaryKey(),
  tags: text('tags').array().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
