import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** One Excel import: its progress while running, and its outcome (with the error report) after. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    ledger: text('ledger').notNull(),
    filename: text('filename').notNull(),
    status: text('status').notNull(),
    phase: text('phase'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    result: jsonb('result'),
    report: bytea('report'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('import_jobs_user_idx').on(t.userId)],
);
