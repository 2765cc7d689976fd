import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';

/**
 * 两癌筛查: one woman (a person of the people ledger) in one programme year — mobilised, consent,
 * screened, result and follow-up. The unit is hers (her village); the programme year is stored,
 * since a round need not follow the calendar year.
 */
export const cancerScreenings = pgTable(
  'cancer_screenings',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    personId: uuid('person_id').notNull(),
    programmeYear: integer('programme_year').notNull(),
    category: text('category').notNull(),
    mobilisedOn: date('mobilised_on', { mode: 'string' }).notNull(),
    consentSignedOn: date('consent_signed_on', { mode: 'string' }),
    screenedOn: date('screened_on', { mode: 'string' }),
    site: text('site'),
    result: text('result'),
    followUpNote: text('follow_up_note'),
    followUpDoneOn: date('follow_up_done_on', { mode: 'string' }),
    ...ledgerColumns(),
  },
  (t) => [
    index('cancer_screenings_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('cancer_screenings_person_year_uq')
      .on(t.personId, t.programmeYear)
      .where(sql`${t.deletedAt} is null`),
    index('cancer_screenings_mobilised_idx').on(t.mobilisedOn),
    index('cancer_screenings_screened_idx').on(t.screenedOn),
  ],
);
