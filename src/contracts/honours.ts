import { z } from 'zod';
import type { CodeOption } from './common/code-lists';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

// 选树典型 (honours: titles and nominations) and 执委履职 (executive-member duties: rules, duty
// records, projects, compliance). Glossary: honor/nomination, executiveMember, liaison, dutyReport.

type Label = { zh: string; en: string };

const ledgerMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};

// ---------------------------------------------------------------------------------------------
// Honour titles: a county-configured code list whose values carry level, body and notice style.

export const honourLevels = ['national', 'province', 'city', 'county', 'town', 'village'] as const;
export const honourLevelSchema = z.enum(honourLevels);
export type HonourLevel = z.infer<typeof honourLevelSchema>;
export const honourLevelLabels: Record<HonourLevel, Label> = {
  national: { zh: '国家级', en: 'National' },
  province: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
  town: { zh: '镇级', en: 'Town' },
  village: { zh: '村级', en: 'Village' },
};

/** A title of the catalogue as the API shows it. `maskedNotice`: its 公示 shows masked names. */
export const honourTitleSchema = z.object({
  code: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  level: honourLevelSchema,
  awardingBody: z.string(),
  maskedNotice: z.boolean(),
});
export type HonourTitle = z.infer<typeof honourTitleSchema>;

const title = (
  code: string,
  zh: string,
  en: string,
  level: HonourLevel,
  awardingBody: string,
  maskedNotice = false,
): CodeOption => ({ code, label: { zh, en }, attrs: { level, awardingBody, maskedNotice } });

/** The built-in catalogue; a county may configure its own (codes kept for life). */
export const defaultHonourTitles: CodeOption[] = [
  title('mostBeautifulFamily', '最美家庭', 'Most beautiful family', 'county', '县妇联'),
  title('fiveGoodFamily', '五好家庭', 'Five-good family', 'county', '县妇联'),
  title('goodMotherInLaw', '好婆婆', 'Good mother-in-law', 'town', '镇妇联'),
  title('goodDaughterInLaw', '好媳妇', 'Good daughter-in-law', 'town', '镇妇联'),
  title('civilizedFamily', '文明家庭', 'Civilized family', 'county', '县精神文明建设委员会'),
  title('womenModelPost', '巾帼文明岗', "Women's model post", 'city', '市妇联'),
  title('marchEighthRedBanner', '三八红旗手', 'March 8th red-banner holder', 'province', '省妇联'),
  title('womenVolunteer', '最美巾帼志愿者', 'Most beautiful women volunteer', 'county', '县妇联'),
];

/** A code option of the list as a title (values saved without attributes read as a county title). */
export const honourTitleOf = (o: CodeOption): HonourTitle => {
  const a = (o.attrs ?? {}) as Record<string, unknown>;
  const level = honourLevelSchema.safeParse(a.level);
  return {
    code: o.code,
    label: o.label,
    level: level.success ? level.data : 'county',
    awardingBody: typeof a.awardingBody === 'string' ? a.awardingBody : '',
    maskedNotice: a.maskedNotice === true,
  };
};

export const honourTitlesSchema = z.object({ titles: z.array(honourTitleSchema), isDefault: z.boolean() });
export const honourTitlesInputSchema = z
  .object({
    titles: z
      .array(
        z
          .object({
            code: z
              .string()
              .regex(/^[a-zA-Z][a-zA-Z0-9]{1,31}$/, { message: '称号代码格式不正确' })
              .optional(),
            label: z
              .object({
                zh: z
                  .string()
                  .trim()
                  .min(1, { message: '称号名称不能为空' })
                  .max(20, { message: '称号名称不能超过20个字' }),
                en: z.string().trim().max(40).optional(),
              })
              .strict(),
            level: honourLevelSchema,
            awardingBody: z.string().trim().min(1, { message: '请填写授予单位' }).max(40),
            maskedNotice: z.boolean().default(false),
          })
          .strict(),
      )
      .min(1, { message: '至少保留一个称号' })
      .max(60, { message: '称号最多60个' })
      .refine((xs) => new Set(xs.map((x) => x.label.zh)).size === xs.length, { message: '称号名称不能重复' }),
  })
  .strict();
export type HonourTitlesInput = z.infer<typeof honourTitlesInputSchema>;

// ---------------------------------------------------------------------------------------------
// Nominations: 推荐 → 公示 → 授予 / 未授予.

export const nominationStatuses = ['nominated', 'publicizing', 'awarded', 'notAwarded'] as const;
export const nominationStatusSchema = z.enum(nominationStatuses);
export type NominationStatus = z.infer<typeof nominationStatusSchema>;
export const nominationStatusLabels: Record<NominationStatus, Label> = {
  nominated: { zh: '推荐', en: 'Nominated' },
  publicizing: { zh: '公示中', en: 'In public notice' },
  awarded: { zh: '已授予', en: 'Awarded' },
  notAwarded: { zh: '未授予', en: 'Not awarded' },
};

export const nomineeKinds = ['person', 'household', 'collective'] as const;
export const nomineeKindSchema = z.enum(nomineeKinds);
export type NomineeKind = z.infer<typeof nomineeKindSchema>;
export const nomineeKindLabels: Record<NomineeKind, Label> = {
  person: { zh: '个人', en: 'Person' },
  household: { zh: '家庭', en: 'Household' },
  collective: { zh: '集体', en: 'Collective' },
};

/** A name as a masked notice shows it: 王秀英 → 王**, 欧阳春 → 欧阳* is not attempted (first char kept). */
export const maskNomineeName = (name: string) => {
  const chars = [...name];
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
};

export const nominationSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  year: z.number().int(),
  titleCode: z.string(),
  titleName: z.string(),
  level: honourLevelSchema,
  awardingBody: z.string(),
  nomineeKind: nomineeKindSchema,
  personId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  collectiveUnitId: z.uuid().nullable(),
  /** The person's name, the household head's (or address), or the collective's name. */
  nomineeName: z.string(),
  /** The name as the 公示 shows it: masked when the title's notice is masked. */
  noticeName: z.string(),
  deeds: z.string().nullable(),
  status: nominationStatusSchema,
  noticeFrom: dateSchema.nullable(),
  noticeTo: dateSchema.nullable(),
  awardedOn: dateSchema.nullable(),
  outcomeNote: z.string().nullable(),
  /** Photos of the certificate (at most three), optional. */
  photoIds: z.array(z.uuid()),
  ...ledgerMeta,
});
export type Nomination = z.infer<typeof nominationSchema>;
export const nominationListSchema = listResultSchema(nominationSchema);

export const listNominationsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    titleCode: z.string().max(40).optional(),
    status: nominationStatusSchema.optional(),
    householdId: z.uuid().optional(),
    personId: z.uuid().optional(),
    deleted: z.enum(['0', '1']).default('0'),
  })
  .strict();
export type ListNominationsQuery = z.infer<typeof listNominationsQuerySchema>;

const nomineeRefine = <
  T extends z.ZodType<{
    nomineeKind: NomineeKind;
    personId?: string;
    householdId?: string;
    collectiveUnitId?: string;
  }>,
>(
  s: T,
) =>
  s.superRefine((v, ctx) => {
    const need = { person: 'personId', household: 'householdId', collective: 'collectiveUnitId' } as const;
    const msg = { person: '请选择被推荐人', household: '请选择被推荐家庭', collective: '请选择被推荐集体' };
    const field = need[v.nomineeKind];
    if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message: msg[v.nomineeKind] });
    for (const other of Object.values(need)) {
      if (other !== field && v[other])
        ctx.addIssue({
          code: 'custom',
          path: [other],
          message: `推荐${nomineeKindLabels[v.nomineeKind].zh}时不填写此项`,
        });
    }
  });

export const createNominationInputSchema = nomineeRefine(
  z
    .object({
      orgUnitId: z.uuid({ message: '请选择推荐单位' }),
      year: z.number().int().min(2000, { message: '年度不正确' }).max(2100, { message: '年度不正确' }),
      titleCode: z.string().min(1, { message: '请选择称号' }).max(40),
      nomineeKind: nomineeKindSchema,
      personId: z.uuid().optional(),
      householdId: z.uuid().optional(),
      collectiveUnitId: z.uuid().optional(),
      deeds: z.string().trim().max(1200, { message: '主要事迹不能超过1200字' }).optional(),
    })
    .strict(),
);
export type CreateNominationInput = z.infer<typeof createNominationInputSchema>;

export const updateNominationInputSchema = z
  .object({
    deeds: z.string().trim().max(1200, { message: '主要事迹不能超过1200字' }).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateNominationInput = z.infer<typeof updateNominationInputSchema>;

export const publicizeNominationInputSchema = z
  .object({ noticeFrom: dateSchema, noticeTo: dateSchema, version: versionSchema })
  .strict()
  .refine((v) => v.noticeTo >= v.noticeFrom, { message: '公示结束日期不能早于开始日期', path: ['noticeTo'] });
export type PublicizeNominationInput = z.infer<typeof publicizeNominationInputSchema>;

export const decideNominationInputSchema = z
  .object({
    outcome: z.enum(['awarded', 'notAwarded']),
    awardedOn: dateSchema.optional(),
    note: z.string().trim().max(500).optional(),
    version: versionSchema,
  })
  .strict()
  .refine((v) => v.outcome !== 'awarded' || !!v.awardedOn, {
    message: '请填写授予日期',
    path: ['awardedOn'],
  });
export type DecideNominationInput = z.infer<typeof decideNominationInputSchema>;

export const exportNominationsQuerySchema = listNominationsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();

// ---------------------------------------------------------------------------------------------
// Duties (执委履职): a town's rules, the records that fulfil them, compliance computed from records.

export const dutyRhythms = ['month', 'quarter', 'year'] as const;
export const dutyRhythmSchema = z.enum(dutyRhythms);
export type DutyRhythm = z.infer<typeof dutyRhythmSchema>;
export const dutyRhythmLabels: Record<DutyRhythm, Label> = {
  month: { zh: '每月', en: 'Monthly' },
  quarter: { zh: '每季度', en: 'Quarterly' },
  year: { zh: '每年', en: 'Yearly' },
};

/** What a member logs on her phone (联系妇女, 走访重点家庭, 主席轮值, 述职). */
export const dutyRecordKinds = ['contact', 'visit', 'dutyChair', 'report'] as const;
export const dutyRecordKindSchema = z.enum(dutyRecordKinds);
export type DutyRecordKind = z.infer<typeof dutyRecordKindSchema>;
export const dutyRecordKindLabels: Record<DutyRecordKind, Label> = {
  contact: { zh: '联系妇女', en: 'Contact with women' },
  visit: { zh: '走访重点家庭', en: 'Key-family visit' },
  dutyChair: { zh: '主席轮值', en: 'Duty-chair turn' },
  report: { zh: '述职', en: 'Duty report' },
};

/** The record kinds a rule may name: a duty record of a kind, or a project marked done (项目领办). */
export const dutyFulfilments = [...dutyRecordKinds, 'project'] as const;
export const dutyFulfilmentSchema = z.enum(dutyFulfilments);
export type DutyFulfilment = z.infer<typeof dutyFulfilmentSchema>;
export const dutyFulfilmentLabels: Record<DutyFulfilment, Label> = {
  ...dutyRecordKindLabels,
  project: { zh: '领办项目完成', en: 'Project completed' },
};

export const dutyRuleSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  name: z.string(),
  rhythm: dutyRhythmSchema,
  fulfilledBy: dutyFulfilmentSchema,
  times: z.number().int(),
  ...ledgerMeta,
});
export type DutyRule = z.infer<typeof dutyRuleSchema>;
export const dutyRuleListSchema = listResultSchema(dutyRuleSchema);
export const listDutyRulesQuerySchema = listQueryBaseSchema
  .extend({ orgUnitId: z.uuid().optional(), deleted: z.enum(['0', '1']).default('0') })
  .strict();
export type ListDutyRulesQuery = z.infer<typeof listDutyRulesQuerySchema>;
export const createDutyRuleInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择制定规则的单位' }),
    name: z.string().trim().min(2, { message: '请填写规则名称' }).max(40),
    rhythm: dutyRhythmSchema,
    fulfilledBy: dutyFulfilmentSchema,
    times: z.number().int().min(1, { message: '次数至少为1' }).max(31).default(1),
  })
  .strict();
export type CreateDutyRuleInput = z.infer<typeof createDutyRuleInputSchema>;
export const updateDutyRuleInputSchema = z
  .object({
    name: z.string().trim().min(2, { message: '请填写规则名称' }).max(40).optional(),
    rhythm: dutyRhythmSchema.optional(),
    fulfilledBy: dutyFulfilmentSchema.optional(),
    times: z.number().int().min(1).max(31).optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateDutyRuleInput = z.infer<typeof updateDutyRuleInputSchema>;

/** 履职记录: one contact, visit, duty-chair turn or report by a member, logged on the phone. */
export const dutyRecordSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  kind: dutyRecordKindSchema,
  occurredOn: dateSchema,
  womenContacted: z.number().int(),
  householdsContacted: z.number().int(),
  matters: z.string().nullable(),
  followUp: z.string().nullable(),
  ...ledgerMeta,
});
export type DutyRecord = z.infer<typeof dutyRecordSchema>;
export const dutyRecordListSchema = listResultSchema(dutyRecordSchema);
export const listDutyRecordsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    memberId: z.uuid().optional(),
    kind: dutyRecordKindSchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    deleted: z.enum(['0', '1']).default('0'),
  })
  .strict();
export type ListDutyRecordsQuery = z.infer<typeof listDutyRecordsQuerySchema>;
export const createDutyRecordInputSchema = z
  .object({
    id: z.uuid().optional(),
    orgUnitId: z.uuid({ message: '请选择所在单位' }),
    memberId: z.uuid({ message: '请选择执委' }),
    kind: dutyRecordKindSchema,
    occurredOn: dateSchema,
    womenContacted: z.number().int().min(0).max(10000).default(0),
    householdsContacted: z.number().int().min(0).max(10000).default(0),
    matters: z.string().trim().max(1000).optional(),
    followUp: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((v) => v.kind !== 'contact' || v.womenContacted + v.householdsContacted > 0, {
    message: '请填写联系的妇女人数或户数',
    path: ['womenContacted'],
  });
export type CreateDutyRecordInput = z.infer<typeof createDutyRecordInputSchema>;
export const updateDutyRecordInputSchema = z
  .object({
    occurredOn: dateSchema.optional(),
    womenContacted: z.number().int().min(0).max(10000).optional(),
    householdsContacted: z.number().int().min(0).max(10000).optional(),
    matters: z.string().trim().max(1000).nullable().optional(),
    followUp: z.string().trim().max(1000).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateDutyRecordInput = z.infer<typeof updateDutyRecordInputSchema>;

/** 项目领办: a project a member claimed, its progress, and its completion with evidence. */
export const dutyProjectSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  title: z.string(),
  claimedOn: dateSchema,
  progress: z.number().int(),
  progressNote: z.string().nullable(),
  doneOn: dateSchema.nullable(),
  evidence: z.string().nullable(),
  ...ledgerMeta,
});
export type DutyProject = z.infer<typeof dutyProjectSchema>;
export const dutyProjectListSchema = listResultSchema(dutyProjectSchema);
export const listDutyProjectsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    memberId: z.uuid().optional(),
    done: z.enum(['0', '1']).optional(),
    deleted: z.enum(['0', '1']).default('0'),
  })
  .strict();
export type ListDutyProjectsQuery = z.infer<typeof listDutyProjectsQuerySchema>;
export const createDutyProjectInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择所在单位' }),
    memberId: z.uuid({ message: '请选择执委' }),
    title: z.string().trim().min(2, { message: '请填写项目名称' }).max(80),
    claimedOn: dateSchema,
  })
  .strict();
export type CreateDutyProjectInput = z.infer<typeof createDutyProjectInputSchema>;
export const updateDutyProjectInputSchema = z
  .object({
    title: z.string().trim().min(2).max(80).optional(),
    progress: z.number().int().min(0).max(100).optional(),
    progressNote: z.string().trim().max(500).nullable().optional(),
    doneOn: dateSchema.nullable().optional(),
    evidence: z.string().trim().max(1000).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateDutyProjectInput = z.infer<typeof updateDutyProjectInputSchema>;

/** Compliance of the members in scope for a year, computed from the records up to `asOf`. */
export const dutyComplianceQuerySchema = z
  .object({ orgUnitId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100) })
  .strict();
export const dutyComplianceSchema = z.object({
  year: z.number().int(),
  asOf: dateSchema,
  members: z.number().int(),
  compliant: z.number().int(),
  items: z.array(
    z.object({
      memberId: z.uuid(),
      memberName: z.string(),
      orgUnitId: z.uuid(),
      orgUnitName: z.string(),
      /** Rule periods that have ended (and fell in her term) and of them those met. */
      periodsDue: z.number().int(),
      periodsMet: z.number().int(),
      isCompliant: z.boolean(),
    }),
  ),
});
export type DutyCompliance = z.infer<typeof dutyComplianceSchema>;

/** A member's due list: each rule's periods of the year, what they need and what is recorded. */
export const memberDutiesQuerySchema = z
  .object({ year: z.coerce.number().int().min(2000).max(2100) })
  .strict();
export const memberDutiesSchema = z.object({
  memberId: z.uuid(),
  memberName: z.string(),
  year: z.number().int(),
  asOf: dateSchema,
  items: z.array(
    z.object({
      ruleId: z.uuid(),
      ruleName: z.string(),
      rhythm: dutyRhythmSchema,
      fulfilledBy: dutyFulfilmentSchema,
      periodFrom: dateSchema,
      periodTo: dateSchema,
      required: z.number().int(),
      done: z.number().int(),
      /** `met`, `due` (the period runs), `missed` (ended short), `upcoming`. */
      state: z.enum(['met', 'due', 'missed', 'upcoming']),
    }),
  ),
});
export type MemberDuties = z.infer<typeof memberDutiesSchema>;
