import { z } from 'zod';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

type Label = { zh: string; en: string };
const label = z.object({ zh: z.string(), en: z.string() });

const ledgerMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};

/* ------------------------------------------------------------------------------------------------
 * Provenance: where a number came from. Every figure of the dashboard, a report and a summary
 * carries one, so the UI can open the records behind it with
 * GET /api/v1/indicators/:indicatorKey/records?from&to&orgUnitId&dimension&value[&dimension2&value2]
 * (filters map to dimension/value pairs; an `orgUnit` filter is a child unit's id).
 * ---------------------------------------------------------------------------------------------- */

export const periodSchema = z.object({ from: dateSchema, to: dateSchema });
export type Period = z.infer<typeof periodSchema>;

export const figureSourceSchema = z.object({
  indicatorKey: z.string(),
  /** Dimension → value the number is restricted to, e.g. `{ type: 'outreach' }`; `orgUnit` → a child unit id. */
  filters: z.record(z.string(), z.string()),
  period: periodSchema,
  /** The grouping the number was read from (`type`, `orgUnit,type`), null for a plain total. */
  groupBy: z.string().nullable(),
  /** The unit whose subtree was counted. */
  orgUnitId: z.uuid(),
});
export type FigureSource = z.infer<typeof figureSourceSchema>;

export const figureValueSchema = z.object({ value: z.number(), source: figureSourceSchema });
export type FigureValue = z.infer<typeof figureValueSchema>;

/* ------------------------------------------------------------------------------------------------
 * Dashboard (工作台)
 * ---------------------------------------------------------------------------------------------- */

export const dashboardQuerySchema = z
  .object({
    /** The unit (inside the caller's subtree) whose dashboard to show; default her own. */
    orgUnitId: z.uuid().optional(),
    year: z.coerce.number().int().min(2000).max(2100),
    month: z.coerce.number().int().min(1).max(12),
  })
  .strict();
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** Work areas that group key figures and summary sections. */
export const workAreas = [
  'outreach',
  'organization',
  'courtyards',
  'rights',
  'models',
  'contribution',
  'forestFire',
  'children',
  'credits',
] as const;
export const workAreaSchema = z.enum(workAreas);
export type WorkArea = z.infer<typeof workAreaSchema>;
export const workAreaLabels: Record<WorkArea, Label> = {
  outreach: { zh: '思想引领', en: 'Outreach' },
  organization: { zh: '组织建设', en: 'Organization' },
  courtyards: { zh: '美丽庭院', en: 'Courtyards' },
  rights: { zh: '维权关爱', en: 'Rights & care' },
  models: { zh: '典型选树', en: 'Role models' },
  contribution: { zh: '巾帼建功', en: 'Contribution' },
  forestFire: { zh: '护林防火', en: 'Forest-fire patrols' },
  children: { zh: '儿童友好', en: 'Child-friendly' },
  credits: { zh: '信用积分', en: 'Credit points' },
};

export const keyFigureSchema = z.object({
  /** Stable id, e.g. `activities.sessions|type=outreach`. */
  id: z.string(),
  area: workAreaSchema,
  label,
  unit: label,
  /**
   * Stock figures (sites, role holders, rated households, open rectifications) are a count as of a day,
   * read at the end of the period (today for the running month): shown as 截至今日, with no 本月 flow.
   */
  isStock: z.boolean(),
  year: z.object({ current: figureValueSchema, lastYear: figureValueSchema }),
  month: z.object({ current: figureValueSchema, lastYear: figureValueSchema }),
});
export type KeyFigure = z.infer<typeof keyFigureSchema>;

export const trendSeriesSchema = z.object({
  id: z.string(),
  label,
  unit: label,
  /** Twelve points, January to December; `current` is null for months after the selected month. */
  points: z.array(
    z.object({
      month: z.number().int().min(1).max(12),
      current: figureValueSchema.nullable(),
      lastYear: figureValueSchema,
    }),
  ),
});
export type TrendSeries = z.infer<typeof trendSeriesSchema>;

export const breakdownSchema = z.object({
  /** The year to date (January to the selected month). */
  period: periodSchema,
  columns: z.array(z.object({ id: z.string(), label, unit: label })),
  rows: z.array(
    z.object({
      orgUnitId: z.string(),
      orgUnitName: z.string(),
      /** Same order as `columns`. */
      cells: z.array(figureValueSchema),
    }),
  ),
  total: z.array(figureValueSchema),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

export const todoLevels = ['info', 'due', 'overdue'] as const;
export const todoLevelSchema = z.enum(todoLevels);
export const todoLevelLabels: Record<(typeof todoLevels)[number], Label> = {
  info: { zh: '提示', en: 'Info' },
  due: { zh: '本月待办', en: 'Due this month' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

/**
 * A to-do comes from a provider (`activities.monthlyOutreach`, `courtyards.overdueRectifications` …).
 * Every text is given in both languages (unit names inside them are user data and stay as entered), so
 * the English home shows no Chinese of the system's own.
 */
export const todoItemSchema = z.object({
  id: z.string(),
  provider: z.string(),
  level: todoLevelSchema,
  /** What kind of job it is, the same for every item of a provider: 每月宣讲 / Monthly outreach. */
  kind: label,
  /** The whole sentence, e.g. “青石村12月尚未登记宣讲” / “青石村: no outreach recorded for December”. */
  title: label,
  /** The sentence without the unit's name, shown under the unit or inside its kind's group: “12月尚未登记宣讲”. */
  detail: label,
  /** How many things it stands for: 29 overdue rectifications, 5 villages of a town, else 1. */
  count: z.number().int().min(1),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  dueOn: dateSchema.nullable(),
  /** The number behind the to-do (e.g. 0 宣讲 this month), when there is one. */
  figure: figureValueSchema.nullable(),
});
export type TodoItem = z.infer<typeof todoItemSchema>;

export const dashboardSchema = z.object({
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  /** The day the figures run to: today while the month asked for runs, else its last day. */
  asOf: dateSchema,
  /** The month asked for is not over yet: its figures (and the trend's last point) are partial. */
  isMonthRunning: z.boolean(),
  /** The key figures' periods, each up to `asOf` (last year's up to the same day). */
  periods: z.object({
    year: periodSchema,
    month: periodSchema,
    lastYear: periodSchema,
    lastYearMonth: periodSchema,
  }),
  keyFigures: z.array(keyFigureSchema),
  trends: z.array(trendSeriesSchema),
  breakdown: breakdownSchema,
  todos: z.array(todoItemSchema),
  /** Server time spent, ms (shown nowhere; read by the benchmark). */
  elapsedMs: z.number(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/* ------------------------------------------------------------------------------------------------
 * Report definitions (统计报表: 月报、季报、年报)
 * ---------------------------------------------------------------------------------------------- */

export const reportPeriodTypes = ['month', 'quarter', 'halfYear', 'year'] as const;
export const reportPeriodTypeSchema = z.enum(reportPeriodTypes);
export type ReportPeriodType = z.infer<typeof reportPeriodTypeSchema>;
export const reportPeriodTypeLabels: Record<ReportPeriodType, Label> = {
  month: { zh: '月报', en: 'Monthly' },
  quarter: { zh: '季报', en: 'Quarterly' },
  halfYear: { zh: '半年报', en: 'Half-yearly' },
  year: { zh: '年报', en: 'Annual' },
};

/** Rows of a report: the units directly below the scope, or one level further (towns → villages). */
export const reportOrgLevels = ['orgUnit', 'orgUnit2'] as const;
export const reportOrgLevelSchema = z.enum(reportOrgLevels);
export const reportOrgLevelLabels: Record<(typeof reportOrgLevels)[number], Label> = {
  orgUnit: { zh: '下一级单位', en: 'Child units' },
  orgUnit2: { zh: '下两级单位', en: 'Grandchild units' },
};

const dimensionKey = z
  .string()
  .regex(/^[a-zA-Z]+$/)
  .max(40);

/**
 * One column: an indicator, optionally restricted to one dimension value (`filter`), or split
 * into one column per value of a dimension (`splitBy`, e.g. 活动场次 by 活动类型).
 */
export const reportColumnSchema = z
  .object({
    indicatorKey: z
      .string()
      .regex(/^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+$/)
      .max(80),
    filter: z
      .object({ dimension: dimensionKey, value: z.string().min(1).max(80) })
      .strict()
      .nullable()
      .optional(),
    splitBy: dimensionKey.nullable().optional(),
    /** Column heading; default the indicator's name (and the filter value). */
    label: z.string().trim().max(40).nullable().optional(),
  })
  .strict()
  .refine((c) => !(c.filter && c.splitBy), { message: '一列不能同时筛选和拆分', path: ['splitBy'] });
export type ReportColumn = z.infer<typeof reportColumnSchema>;

const reportDefinitionFields = {
  name: z.string().trim().min(1, '请填写报表名称').max(60),
  periodType: reportPeriodTypeSchema,
  orgLevel: reportOrgLevelSchema,
  columns: z.array(reportColumnSchema).min(1, '至少选择一个指标').max(30),
  note: z.string().trim().max(500).nullable().optional(),
};

export const createReportDefinitionInputSchema = z
  .object({
    /** The owner unit (inside the caller's subtree); default her own. */
    orgUnitId: z.uuid().optional(),
    ...reportDefinitionFields,
  })
  .strict();
export type CreateReportDefinitionInput = z.infer<typeof createReportDefinitionInputSchema>;

export const updateReportDefinitionInputSchema = z
  .object({
    name: reportDefinitionFields.name.optional(),
    periodType: reportDefinitionFields.periodType.optional(),
    orgLevel: reportDefinitionFields.orgLevel.optional(),
    columns: reportDefinitionFields.columns.optional(),
    note: reportDefinitionFields.note,
    version: versionSchema,
  })
  .strict();
export type UpdateReportDefinitionInput = z.infer<typeof updateReportDefinitionInputSchema>;

export const reportDefinitionSchema = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  name: z.string(),
  periodType: reportPeriodTypeSchema,
  orgLevel: reportOrgLevelSchema,
  columns: z.array(reportColumnSchema),
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type ReportDefinition = z.infer<typeof reportDefinitionSchema>;
export const reportDefinitionListSchema = listResultSchema(reportDefinitionSchema);

export const listReportDefinitionsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    q: z.string().trim().max(60).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListReportDefinitionsQuery = z.infer<typeof listReportDefinitionsQuerySchema>;

/** Which period of the year: month 1–12, quarter 1–4, half 1–2; ignored for a year. */
export const reportRenderQuerySchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    index: z.coerce.number().int().min(1).max(12).default(1),
    /** Render for this unit's subtree (inside the caller's); default her own unit. */
    orgUnitId: z.uuid().optional(),
  })
  .strict();
export type ReportRenderQuery = z.infer<typeof reportRenderQuerySchema>;

/** Preview a definition without saving it (the report builder). */
export const reportPreviewInputSchema = z
  .object({
    ...reportDefinitionFields,
    name: reportDefinitionFields.name.default('统计报表'),
    year: z.number().int().min(2000).max(2100),
    index: z.number().int().min(1).max(12).default(1),
    orgUnitId: z.uuid().optional(),
  })
  .strict();
export type ReportPreviewInput = z.infer<typeof reportPreviewInputSchema>;

export const renderedReportSchema = z.object({
  /** e.g. “青石镇妇联2026年第一季度工作统计表”. */
  title: z.string(),
  name: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  periodType: reportPeriodTypeSchema,
  period: periodSchema,
  /** e.g. “2026年第一季度”. */
  periodLabel: z.string(),
  /** `label`/`unit` in zh-CN (the export's), `labelEn`/`unitEn` for English mode (a named column keeps its name). */
  columns: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      unit: z.string(),
      labelEn: z.string(),
      unitEn: z.string(),
    }),
  ),
  rows: z.array(
    z.object({ orgUnitId: z.string(), orgUnitName: z.string(), cells: z.array(figureValueSchema) }),
  ),
  total: z.array(figureValueSchema),
  /** Columns whose indicator is not installed (e.g. courtyards before that module exists). */
  skippedIndicatorKeys: z.array(z.string()),
});
export type RenderedReport = z.infer<typeof renderedReportSchema>;

/* ------------------------------------------------------------------------------------------------
 * Work summaries (年度工作总结, 季度/月度工作小结)
 * ---------------------------------------------------------------------------------------------- */

export const summaryKinds = ['annual', 'quarterly', 'monthly'] as const;
export const summaryKindSchema = z.enum(summaryKinds);
export type SummaryKind = z.infer<typeof summaryKindSchema>;
export const summaryKindLabels: Record<SummaryKind, Label> = {
  annual: { zh: '年度工作总结', en: 'Annual summary' },
  quarterly: { zh: '季度工作小结', en: 'Quarterly summary' },
  monthly: { zh: '月度工作小结', en: 'Monthly summary' },
};

/**
 * The document's style, applied to every figure: `mixed` gives each figure its default (stocks
 * exact, flows of 100 and more 约数: 精品户1286户, 巡查3000余次); `exact` states every number as
 * counted; `approximate` rounds every one (see contracts/summary-figures.ts). Each figure can then
 * be switched on its own (FigureRun.rounding).
 */
export const summaryStyles = ['mixed', 'exact', 'approximate'] as const;
export const summaryStyleSchema = z.enum(summaryStyles);
export type SummaryStyle = z.infer<typeof summaryStyleSchema>;
export const summaryStyleLabels: Record<SummaryStyle, Label> = {
  mixed: { zh: '按数字类型（存量精确，较大流量约数）', en: 'By figure (stocks exact, large flows rounded)' },
  exact: { zh: '精确数字', en: 'Exact figures' },
  approximate: { zh: '约数（××余）', en: 'Rounded (“over …”)' },
};

export const textRunSchema = z.object({ kind: z.literal('text'), text: z.string().max(5000) });
export type TextRun = z.infer<typeof textRunSchema>;

/** A number in the text. `display` is how it reads (“1234” or “1200余”); the unit word follows in a text run. */
export const figureRunSchema = z.object({
  kind: z.literal('figure'),
  /** Stable across regenerations: indicator, filters, period and unit. */
  id: z.string().max(300),
  value: z.number(),
  display: z.string(),
  indicatorKey: z.string(),
  filters: z.record(z.string(), z.string()),
  period: periodSchema,
  orgUnitId: z.string(),
  /**
   * How this number reads, chosen per figure: `exact` (1286) or `approx` (1280余). Absent (older
   * documents): the document's style. A regeneration keeps her choice.
   */
  rounding: z.enum(['exact', 'approx']).optional(),
  /** Set by a regeneration when the records now give another number. */
  changed: z
    .object({
      previousValue: z.number(),
      currentValue: z.number(),
      /** True if the run now shows `currentValue`; false if it kept the old one (keepEdits). */
      isUpdated: z.boolean(),
    })
    .nullable()
    .optional(),
});
export type FigureRun = z.infer<typeof figureRunSchema>;

export const runSchema = z.discriminatedUnion('kind', [textRunSchema, figureRunSchema]);
export type Run = z.infer<typeof runSchema>;

export const summaryParagraphSchema = z.object({
  id: z.string().max(80),
  runs: z.array(runSchema).max(400),
  /** The user changed this paragraph's prose: a regeneration keeps it. */
  isEdited: z.boolean(),
});
export type SummaryParagraph = z.infer<typeof summaryParagraphSchema>;

export const summarySectionKeys = ['opening', ...workAreas, 'custom', 'plan'] as const;
export const summarySectionKeySchema = z.enum(summarySectionKeys);
export type SummarySectionKey = z.infer<typeof summarySectionKeySchema>;

export const summarySectionSchema = z.object({
  id: z.string().max(80),
  /** The work area (or `opening`, the numberless first paragraph; `plan`, 下一步工作打算; `custom`, added by hand). */
  key: summarySectionKeySchema,
  /** Without the number: “强化思想引领，凝聚巾帼力量”. The number (一、二、…) is added when shown and exported. */
  heading: z.string().max(200),
  paragraphs: z.array(summaryParagraphSchema).max(100),
  isEdited: z.boolean(),
});
export type SummarySection = z.infer<typeof summarySectionSchema>;

export const planItemSchema = z.object({
  id: z.string().max(80),
  text: z.string().trim().min(1).max(2000),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const summaryContentSchema = z.object({
  title: z.string().max(200),
  sections: z.array(summarySectionSchema).max(40),
  planItems: z.array(planItemSchema).max(40),
});
export type SummaryContent = z.infer<typeof summaryContentSchema>;

const summaryScopeFields = {
  /** The unit the summary is for (inside the caller's subtree); default her own. */
  orgUnitId: z.uuid().optional(),
  kind: summaryKindSchema,
  year: z.number().int().min(2000).max(2100),
  /** 1–4, for a quarterly summary. */
  quarter: z.number().int().min(1).max(4).nullable().optional(),
  /** 1–12, for a monthly summary. */
  month: z.number().int().min(1).max(12).nullable().optional(),
  style: summaryStyleSchema.default('mixed'),
  /** 成文日期 (the 落款 date); default: the period's last day if it is over, else today. */
  signedOn: dateSchema.optional(),
};

const scopeRefine = (s: { kind: SummaryKind; quarter?: number | null; month?: number | null }) =>
  (s.kind !== 'quarterly' || !!s.quarter) && (s.kind !== 'monthly' || !!s.month);
const scopeMessage = { message: '季度小结请选择季度，月度小结请选择月份', path: ['kind'] };

/** Draft without saving (preview), or create: the server drafts from the records and saves version 1. */
export const draftSummaryInputSchema = z
  .object({
    ...summaryScopeFields,
    /** 下一步工作打算; absent: last period's saved plan (or none). */
    planItems: z.array(planItemSchema).max(40).optional(),
  })
  .strict()
  .refine(scopeRefine, scopeMessage);
export type DraftSummaryInput = z.infer<typeof draftSummaryInputSchema>;

/** A saved edit. Figure runs are matched by id to the stored ones: their numbers cannot be typed in. */
export const saveSummaryInputSchema = z
  .object({
    content: summaryContentSchema,
    style: summaryStyleSchema.optional(),
    /** 成文日期: changed only here, never by an export or a regeneration. */
    signedOn: dateSchema.optional(),
    version: versionSchema,
  })
  .strict();
export type SaveSummaryInput = z.infer<typeof saveSummaryInputSchema>;

/**
 * `keepEdits`: paragraphs she edited keep their prose and their numbers, changed numbers flagged;
 * the rest is redrafted. `refreshFigures`: edited prose kept, its numbers updated (and flagged).
 * `discardEdits`: a fresh draft (her plan items kept).
 */
export const regenerateModes = ['keepEdits', 'refreshFigures', 'discardEdits'] as const;
export const regenerateModeSchema = z.enum(regenerateModes);
export type RegenerateMode = z.infer<typeof regenerateModeSchema>;
export const regenerateModeLabels: Record<RegenerateMode, Label> = {
  keepEdits: { zh: '保留修改（仅标出变化的数字）', en: 'Keep edits, flag changed figures' },
  refreshFigures: { zh: '保留修改并更新数字', en: 'Keep edits, refresh figures' },
  discardEdits: { zh: '重新生成（放弃修改）', en: 'Redraft, discard edits' },
};

export const regenerateSummaryInputSchema = z
  .object({ mode: regenerateModeSchema, version: versionSchema })
  .strict();
export type RegenerateSummaryInput = z.infer<typeof regenerateSummaryInputSchema>;

export const summaryMetaSchema = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  kind: summaryKindSchema,
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  month: z.number().int().nullable(),
  style: summaryStyleSchema,
  title: z.string(),
  period: periodSchema,
  /** 成文日期, the 落款 date the .docx carries. */
  signedOn: dateSchema,
  generatedAt: z.string(),
  updatedByName: z.string().nullable(),
  ...ledgerMeta,
});
export type SummaryMeta = z.infer<typeof summaryMetaSchema>;

/**
 * A ledger with no records in the summary's period that had some in the previous period of the
 * same length: most likely not entered or imported yet (“2024年没有活动记录，是否尚未录入或导入？”).
 */
export const summaryWarningSchema = z.object({
  /** The ledger: the indicators' key prefix (`activities`, `patrols`, `courtyards` …). */
  ledger: z.string(),
  ledgerLabel: label,
  /** The indicators counted (all zero in the period). */
  indicatorKeys: z.array(z.string()),
  period: periodSchema,
  previousPeriod: periodSchema,
  /** Records in the previous period (the largest of its indicators). */
  previousCount: z.number().int(),
});
export type SummaryWarning = z.infer<typeof summaryWarningSchema>;

export const summarySchema = summaryMetaSchema.extend({
  content: summaryContentSchema,
  /** Ledgers empty in the period that were not before; absent where not computed (lists, history). */
  warnings: z.array(summaryWarningSchema).optional(),
});
export type Summary = z.infer<typeof summarySchema>;
export const summaryListSchema = listResultSchema(summaryMetaSchema);

/** A draft that is not saved (POST /summaries/draft). */
export const summaryDraftSchema = z.object({
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  kind: summaryKindSchema,
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  month: z.number().int().nullable(),
  style: summaryStyleSchema,
  period: periodSchema,
  signedOn: dateSchema,
  content: summaryContentSchema,
  warnings: z.array(summaryWarningSchema),
  elapsedMs: z.number(),
});
export type SummaryDraft = z.infer<typeof summaryDraftSchema>;

export const listSummariesQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    kind: summaryKindSchema.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListSummariesQuery = z.infer<typeof listSummariesQuerySchema>;

export const changedFigureSchema = z.object({
  figureId: z.string(),
  sectionHeading: z.string(),
  indicatorKey: z.string(),
  previousValue: z.number(),
  currentValue: z.number(),
  isUpdated: z.boolean(),
});
export type ChangedFigure = z.infer<typeof changedFigureSchema>;

export const regenerateSummaryResultSchema = z.object({
  summary: summarySchema,
  changedFigures: z.array(changedFigureSchema),
});
export type RegenerateSummaryResult = z.infer<typeof regenerateSummaryResultSchema>;

export const summaryVersionActions = ['create', 'save', 'regenerate', 'restore'] as const;
export const summaryVersionActionLabels: Record<(typeof summaryVersionActions)[number], Label> = {
  create: { zh: '生成初稿', en: 'Drafted' },
  save: { zh: '保存修改', en: 'Saved' },
  regenerate: { zh: '重新生成', en: 'Regenerated' },
  restore: { zh: '恢复历史版本', en: 'Restored version' },
};
export const summaryVersionSchema = z.object({
  version: z.number().int(),
  action: z.enum(summaryVersionActions),
  title: z.string(),
  style: summaryStyleSchema,
  signedOn: dateSchema,
  savedAt: z.string(),
  savedByName: z.string().nullable(),
});
export type SummaryVersion = z.infer<typeof summaryVersionSchema>;
export const summaryVersionListSchema = z.object({ items: z.array(summaryVersionSchema) });
export const summaryVersionDetailSchema = summaryVersionSchema.extend({ content: summaryContentSchema });
export type SummaryVersionDetail = z.infer<typeof summaryVersionDetailSchema>;

/** Export a saved summary (optionally one of its versions) as .docx. */
export const exportSummaryQuerySchema = z
  .object({ version: z.coerce.number().int().min(1).optional() })
  .strict();

/* ------------------------------------------------------------------------------------------------
 * Routes (for the web client)
 * ---------------------------------------------------------------------------------------------- */
export const reportsApi = {
  dashboard: '/api/v1/reports/dashboard',
  definitions: '/api/v1/reports/definitions',
  /** + /:definitionId, /:definitionId/restore, /:definitionId/render, /:definitionId/export */
  preview: '/api/v1/reports/preview',
  summaries: '/api/v1/reports/summaries',
  /** POST: draft without saving. */
  summaryDraft: '/api/v1/reports/summaries/draft',
  /** + /:summaryId (GET, PUT save, DELETE ?version), /:summaryId/restore, /:summaryId/regenerate,
   *  /:summaryId/versions, /:summaryId/versions/:versionNo, POST /:summaryId/versions/:versionNo/restore,
   *  /:summaryId/export[?version] (.docx) */
} as const;
