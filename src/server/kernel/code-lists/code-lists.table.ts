import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A county's configured code list (`list`: activityTypes, siteKinds); absent: the built-in list. */
export const countyCodeLists = pgTable(
  'county_code_lists',
  {
    rootOrgUnitId: uuid('root_org_unit_id').notNull(),
    list: text('list').notNull(),
    items: jsonb('items').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.rootOrgUnitId, t.list] })],
);
