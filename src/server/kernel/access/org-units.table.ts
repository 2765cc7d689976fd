import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../db/columns';

/** The organization tree. `path` is `/rootId/…/ownId/`: a subtree is `path LIKE prefix || '%'`. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    code: text('code'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    foundedOn: date('founded_on', { mode: 'string' }),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    ...ledgerColumns(),
  },
  (t) => [
    index('org_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('org_units_parent_idx').on(t.parentId),
    uniqueIndex('org_units_parent_name_uq').on(t.parentId, t.name).where(sql`${t.deletedAt} is null`),
  ],
);
