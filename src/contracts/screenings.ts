import { z } from 'zod';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

type Label = { zh: string; en: string };

/*
 * 两癌筛查 (cancerScreening): one woman's screening in one programme year — mobilised, consent
 * signed, screened, result, follow-up. Health data: the record type is sensitive (reads audited)
 * and lists show masked names.
 */

/** The county's age band (周岁 reached in the programme year). A county setting can replace it later. */
export const SCREENING_AGE_BAND = { min: 35, max: 64 } as const;

/** Age in the programme year, counted as the programme year less the birth year (按年度计算周岁). */
export const ageInYear = (birthYear: number, programmeYear: number) => programmeYear - birthYear;

export const screeningCategories = ['rural', 'urbanLowIncome', 'other'] as const;
export type ScreeningCategory = (typeof screeningCategories)[number];
export const screeningCategoryLabels: Record<ScreeningCategory, Label> = {
  rural: { zh: '农村妇女', en: 'Rural women' },
  urbanLowIncome: { zh: '城镇低保妇女', en: 'Urban low-income women' },
  other: { zh: '其他', en: 'Other' },
};

export const screeningResults = ['normal', 'followUp', 'diagnosed'] as const;
export type ScreeningResult = (typeof screeningResults)[number];
export const screeningResultLabels: Record<ScreeningResult, Label> = {
  normal: { zh: '未见异常', en: 'Normal' },
  followUp: { zh: '需进一步检查', en: 'Needs follow-up' },
  diagnosed: { zh: '确诊', en: 'Diagnosed' },
};

/** Where a woman stands in the round: mobilised only, screened, or an abnormal result awaiting follow-up. */
export const screeningStages = ['mobilised', 'screened', 'followUpPending'] as const;
export type ScreeningStage = (typeof screeningStages)[number];
export const screeningStageLabels: Record<ScreeningStage, Label> = {
  mobilised: { zh: '已动员未筛查', en: 'Mobilised, not screened' },
  screened: { zh: '已筛查', en: 'Screened' },
  followUpPending: { zh: '异常待随访', en: 'Follow-up pending' },
};

export const screeningMessages = {
  result: '请先登记知情同意日期和筛查日期，再填写筛查结果',
  screenedBeforeMobilised: '筛查日期不能早于动员日期',
  futureDate: '日期不能晚于今天',
  followUpBeforeScreened: '随访完成日期不能早于筛查日期',
  followUpWithoutAbnormal: '只有需进一步检查或确诊的结果才需登记随访',
  consentBeforeMobilised: '知情同意日期不能早于动员日期',
} as const;

const programmeYearSchema = z
  .number({ message: '请填写筛查年度' })
  .int({ message: '筛查年度应为整数年份' })
  .min(2000, { message: '筛查年度不能早于2000年' })
  .max(2100, { message: '筛查年度不能晚于2100年' });
const categorySchema = z.enum(screeningCategories, { message: '请选择人员类别' });
const resultSchema = z.enum(screeningResults, { message: '筛查结果应为未见异常、需进一步检查或确诊' });

export const screeningSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  personId: z.uuid(),
  /** The woman's name: masked (张*华) in lists, whole in a single record (whose read is audited). */
  personName: z.string(),
  idNumberMasked: z.string().nullable(),
  /** Her age in the programme year (null when the people ledger knows no birth date). */
  age: z.number().int().nullable(),
  programmeYear: z.number().int(),
  category: categorySchema,
  mobilisedOn: dateSchema,
  consentSignedOn: dateSchema.nullable(),
  screenedOn: dateSchema.nullable(),
  site: z.string().nullable(),
  result: resultSchema.nullable(),
  followUpNote: z.string().nullable(),
  followUpDoneOn: dateSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Screening = z.infer<typeof screeningSchema>;
export const screeningListSchema = listResultSchema(screeningSchema);

const filters = {
  orgUnitId: z.uuid().optional(),
  programmeYear: z.coerce.number().int().min(2000).max(2100).optional(),
  stage: z.enum(screeningStages).optional(),
  result: resultSchema.optional(),
  category: categorySchema.optional(),
  status: z.enum(['active', 'deleted']).default('active'),
};
export const listScreeningsQuerySchema = listQueryBaseSchema.extend(filters).strict();
export type ListScreeningsQuery = z.infer<typeof listScreeningsQuerySchema>;
export const exportScreeningsQuerySchema = z.object(filters).strict();
export type ExportScreeningsQuery = z.infer<typeof exportScreeningsQuerySchema>;

const textField = (max: number) => z.string().trim().max(max);

const screeningFields = {
  programmeYear: programmeYearSchema,
  category: categorySchema,
  mobilisedOn: dateSchema,
  consentSignedOn: dateSchema.nullable().optional(),
  screenedOn: dateSchema.nullable().optional(),
  site: textField(100).nullable().optional(),
  result: resultSchema.nullable().optional(),
  followUpNote: textField(1000).nullable().optional(),
  followUpDoneOn: dateSchema.nullable().optional(),
};

type Dates = {
  mobilisedOn?: string;
  consentSignedOn?: string | null;
  screenedOn?: string | null;
  result?: ScreeningResult | null;
  followUpDoneOn?: string | null;
};

/**
 * The rules between a record's fields, over the record as it will be once written: [field, message]
 * for each broken rule. Shared by the contract (early), the service (over the saved record) and the
 * import (per row).
 */
export const screeningProblems = (v: Dates): [keyof Dates, string][] => {
  const out: [keyof Dates, string][] = [];
  if (v.result && (!v.consentSignedOn || !v.screenedOn)) out.push(['result', screeningMessages.result]);
  if (v.screenedOn && v.mobilisedOn && v.screenedOn < v.mobilisedOn)
    out.push(['screenedOn', screeningMessages.screenedBeforeMobilised]);
  if (v.consentSignedOn && v.mobilisedOn && v.consentSignedOn < v.mobilisedOn)
    out.push(['consentSignedOn', screeningMessages.consentBeforeMobilised]);
  if (v.followUpDoneOn && v.result !== 'followUp' && v.result !== 'diagnosed')
    out.push(['followUpDoneOn', screeningMessages.followUpWithoutAbnormal]);
  if (v.followUpDoneOn && v.screenedOn && v.followUpDoneOn < v.screenedOn)
    out.push(['followUpDoneOn', screeningMessages.followUpBeforeScreened]);
  return out;
};

export const createScreeningInputSchema = z
  .object({
    /** The client's id: a retry with the same content answers the saved record. */
    id: z.uuid().optional(),
    personId: z.uuid({ message: '请选择筛查对象' }),
    ...screeningFields,
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const [path, message] of screeningProblems(v))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type CreateScreeningInput = z.infer<typeof createScreeningInputSchema>;

export const updateScreeningInputSchema = z
  .object({
    programmeYear: programmeYearSchema.optional(),
    category: categorySchema.optional(),
    mobilisedOn: dateSchema.optional(),
    consentSignedOn: screeningFields.consentSignedOn,
    screenedOn: screeningFields.screenedOn,
    site: screeningFields.site,
    result: screeningFields.result,
    followUpNote: screeningFields.followUpNote,
    followUpDoneOn: screeningFields.followUpDoneOn,
    version: versionSchema,
  })
  .strict();
export type UpdateScreeningInput = z.infer<typeof updateScreeningInputSchema>;
