import { z } from 'zod';
import { dateSchema } from './paging';

export const importIssueSchema = z.object({
  row: z.number().int(),
  /** The worksheet, when the file holds data on more than one sheet. */
  sheet: z.string().optional(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportIssueDto = z.infer<typeof importIssueSchema>;

export const importJobSchema = z.object({
  id: z.uuid(),
  ledger: z.string(),
  filename: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  phase: z.enum(['reading', 'validating', 'committing']).nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  counts: z
    .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
    .nullable(),
  /**
   * A rehearsal (`preview=1`): the counts say what the import would do; nothing was written. The file is
   * uploaded again, without `preview`, once she confirms.
   */
  isPreview: z.boolean(),
  /** The first rows as read from the sheet (ID numbers and phones masked), under the template's headers. */
  sample: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }).nullable(),
  /** The first 200 problems; the full list is in the downloadable report. */
  issues: z.array(importIssueSchema),
  issueCount: z.number().int(),
  /**
   * What she must know or confirm before the import is written (e.g. a person registered in another
   * town that the import would move); shown by the rehearsal, refused by an import not confirmed.
   */
  warnings: z.array(importIssueSchema),
  /** The date ages (35周岁) were counted from, and where it came from; null when no row gives an age. */
  referenceDate: z
    .object({ date: z.string(), source: z.enum(['option', 'column', 'title', 'today']) })
    .nullable(),
  message: z.string().nullable(),
  hasReport: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importQuerySchema = z
  .object({
    /** Rows that name no org unit go here (must lie in the caller's subtree). */
    orgUnitId: z.uuid().optional(),
    /** Wait for the result instead of answering 202 at once (for scripts and small files). */
    wait: z.enum(['0', '1']).default('0'),
    /** Rehearse: validate and plan every row in a transaction that is rolled back; nothing is written. */
    preview: z.enum(['0', '1']).default('0'),
    /** The date ages such as “35周岁” are counted from (default: the sheet's own date column, else today). */
    referenceDate: dateSchema.optional(),
    /** She confirms the moves the rehearsal warned of (a person registered in another town). */
    allowMoves: z.enum(['0', '1']).default('0'),
  })
  .strict();
