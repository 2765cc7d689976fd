import { z } from 'zod';
import { dateSchema, listResultSchema } from './common/paging';

const label = z.object({ zh: z.string(), en: z.string() });

export const indicatorDefSchema = z.object({
  key: z.string(),
  label,
  unit: label,
  dimensions: z.array(z.object({ key: z.string(), label, values: z.record(z.string(), label) })),
});
export type IndicatorDef = z.infer<typeof indicatorDefSchema>;

export const indicatorQuerySchema = z
  .object({
    from: dateSchema,
    to: dateSchema,
    /** Restrict to this unit's subtree (inside the caller's). */
    orgUnitId: z.uuid().optional(),
    /** A dimension key, `orgUnit` (units directly below the scope), `orgUnit2` (one level further), or two of them: `orgUnit,type`. */
    groupBy: z.string().max(60).optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type IndicatorQuery = z.infer<typeof indicatorQuerySchema>;

export const indicatorValuesSchema = z.object({
  key: z.string(),
  from: dateSchema,
  to: dateSchema,
  total: z.number(),
  rows: z.array(
    z.object({
      group: z.string().nullable(),
      label: z.string().nullable(),
      group2: z.string().nullable().optional(),
      label2: z.string().nullable().optional(),
      value: z.number(),
    }),
  ),
  /**
   * A two-way table's margins, computed by the server in the same scan as the cells: the value of
   * each first-axis group over all second-axis values (`group`), and of each second-axis group over
   * all first-axis values (`group2`). Never the sum of the cells: a distinct count or a multi-valued
   * dimension does not add up (a person with two roles is one person in her village's row).
   */
  margins: z
    .object({
      group: z.array(z.object({ group: z.string().nullable(), value: z.number() })),
      group2: z.array(z.object({ group: z.string().nullable(), value: z.number() })),
    })
    .optional(),
});
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;

/**
 * The value of a unit level (`orgUnit`, `orgUnit2`) that stands for no unit at that level: the records
 * the units above it made themselves (at `orgUnit`, the scope's own — 镇妇联直接登记).
 */
export const DIRECT_RECORDS = 'direct';

export const indicatorRecordsQuerySchema = z
  .object({
    from: dateSchema,
    to: dateSchema,
    orgUnitId: z.uuid().optional(),
    /** Filter by one dimension value (the clicked cell), e.g. `dimension=kind&value=womenHome`. */
    dimension: z.string().max(40).optional(),
    /** A second filter (the other axis of a two-way table). */
    dimension2: z.string().max(40).optional(),
    value2: z.string().max(80).optional(),
    value: z.string().max(80).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type IndicatorRecordsQuery = z.infer<typeof indicatorRecordsQuerySchema>;

export const indicatorRecordSchema = z.object({
  id: z.string(),
  label: z.string(),
  orgUnitName: z.string(),
  date: dateSchema.nullable(),
  /** The last day of a record that spans days (a multi-day activity: 6月1日至3日); null otherwise. */
  dateTo: dateSchema.nullable().optional(),
  /** What the record adds to a sum (an activity's 人次); null where each record counts one. */
  amount: z.number().nullable(),
  /** The record's type: the indicator's `type` dimension, or its first single-valued one. */
  type: z.object({ dimension: z.string(), value: z.string(), label: z.string() }).nullable(),
});
export type IndicatorRecord = z.infer<typeof indicatorRecordSchema>;
export const indicatorRecordListSchema = listResultSchema(indicatorRecordSchema);
