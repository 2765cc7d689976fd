import { z } from 'zod';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

type Label = { zh: string; en: string };

/*
 * 维权关爱 (rights and care): key people (重点人群) and their monthly family-risk screening
 * (riskScreening), and marriage/family dispute mediation cases (mediationCase). Every record here is
 * sensitive: lists show masked names, every get is read-audited, parties' names are shown in full
 * only to the case's assigned worker (or its author) — anyone else sees them masked and may reveal
 * them with a reason, which is logged.
 */

const ledgerMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};

/** 重点人群 categories (domain research §7.1). */
export const keyPersonCategories = [
  'leftBehindChild',
  'leftBehindWoman',
  'leftBehindElderly',
  'childInDifficulty',
  'womanInDifficulty',
  'singleParent',
  'conflictFamily',
  'domesticViolence',
  'mentalIllness',
  'other',
] as const;
export const keyPersonCategorySchema = z.enum(keyPersonCategories, { message: '请选择重点人群类别' });
export type KeyPersonCategory = z.infer<typeof keyPersonCategorySchema>;
export const keyPersonCategoryLabels: Record<KeyPersonCategory, Label> = {
  leftBehindChild: { zh: '留守儿童', en: 'Left-behind child' },
  leftBehindWoman: { zh: '留守妇女', en: 'Left-behind woman' },
  leftBehindElderly: { zh: '留守老人', en: 'Left-behind elderly' },
  childInDifficulty: { zh: '困境儿童', en: 'Child in difficulty' },
  womanInDifficulty: { zh: '困境妇女', en: 'Woman in difficulty' },
  singleParent: { zh: '单亲困难家庭', en: 'Single-parent family' },
  conflictFamily: { zh: '矛盾突出家庭', en: 'Family in conflict' },
  domesticViolence: { zh: '家暴风险家庭', en: 'Domestic-violence risk' },
  mentalIllness: { zh: '精神障碍患者家庭', en: 'Mental-illness family' },
  other: { zh: '其他', en: 'Other' },
};

/** 红橙黄绿 (§7.2 昭通/鲁山 style): red = high risk (家暴、互殴), orange = conflict, yellow = watch, green = stable. */
export const riskLevels = ['green', 'yellow', 'orange', 'red'] as const;
export const riskLevelSchema = z.enum(riskLevels, { message: '请选择风险等级' });
export type RiskLevel = z.infer<typeof riskLevelSchema>;
export const riskLevelLabels: Record<RiskLevel, Label> = {
  green: { zh: '绿色（稳定）', en: 'Green (stable)' },
  yellow: { zh: '黄色（关注）', en: 'Yellow (watch)' },
  orange: { zh: '橙色（矛盾隐患）', en: 'Orange (conflict)' },
  red: { zh: '红色（高风险）', en: 'Red (high risk)' },
};

export const keyPersonStatuses = ['active', 'closing', 'closed'] as const;
export type KeyPersonStatus = (typeof keyPersonStatuses)[number];
export const keyPersonStatusLabels: Record<KeyPersonStatus, Label> = {
  active: { zh: '在册', en: 'Active' },
  closing: { zh: '销号待审批', en: 'Closing (pending approval)' },
  closed: { zh: '已销号', en: 'Closed' },
};

export const referralTargets = ['mediation', 'police', 'civilAffairs'] as const;
export const referralTargetSchema = z.enum(referralTargets, { message: '请选择转介去向' });
export type ReferralTarget = z.infer<typeof referralTargetSchema>;
export const referralTargetLabels: Record<ReferralTarget, Label> = {
  mediation: { zh: '婚调委调解', en: 'Mediation' },
  police: { zh: '公安派出所', en: 'Police' },
  civilAffairs: { zh: '民政部门', en: 'Civil affairs' },
};
export const referralStatuses = ['open', 'followingUp', 'done'] as const;
export const referralStatusSchema = z.enum(referralStatuses);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;
export const referralStatusLabels: Record<ReferralStatus, Label> = {
  open: { zh: '已转介', en: 'Referred' },
  followingUp: { zh: '跟进中', en: 'Following up' },
  done: { zh: '已办结', en: 'Done' },
};

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' });
const reasonText = (message: string) => z.string().trim().min(2, { message }).max(1000);

// Key people (重点人群)

export const keyPersonSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  personId: z.uuid(),
  /** Masked (张*华) in lists; in full on a get (which is read-audited). */
  personName: z.string(),
  category: keyPersonCategorySchema,
  note: z.string().nullable(),
  status: z.enum(keyPersonStatuses),
  closeReason: z.string().nullable(),
  closeRequestedOn: dateSchema.nullable(),
  closedOn: dateSchema.nullable(),
  /** The latest screening's colour, if any. */
  latestRisk: riskLevelSchema.nullable(),
  latestMonth: z.string().nullable(),
  ...ledgerMeta,
});
export type KeyPerson = z.infer<typeof keyPersonSchema>;
export const keyPersonListSchema = listResultSchema(keyPersonSchema);
export const listKeyPeopleQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    category: keyPersonCategorySchema.optional(),
    risk: riskLevelSchema.optional(),
    status: z.enum(['active', 'closing', 'closed', 'deleted', 'all']).default('active'),
  })
  .strict();
export type ListKeyPeopleQuery = z.infer<typeof listKeyPeopleQuerySchema>;
export const createKeyPersonInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择组织单位' }),
    personId: z.uuid({ message: '请从人员台账中选择人员' }),
    category: keyPersonCategorySchema,
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type CreateKeyPersonInput = z.infer<typeof createKeyPersonInputSchema>;
export const updateKeyPersonInputSchema = z
  .object({
    category: keyPersonCategorySchema.optional(),
    note: z.string().trim().max(1000).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateKeyPersonInput = z.infer<typeof updateKeyPersonInputSchema>;
export const requestCloseInputSchema = z
  .object({ reason: reasonText('请说明销号原因（如风险已消除、已转介办结）'), version: versionSchema })
  .strict();
export type RequestCloseInput = z.infer<typeof requestCloseInputSchema>;
export const decideCloseInputSchema = z
  .object({ approve: z.boolean(), note: z.string().trim().max(500).optional(), version: versionSchema })
  .strict();
export type DecideCloseInput = z.infer<typeof decideCloseInputSchema>;

// Monthly screening (家庭风险隐患排查)

export const riskScreeningSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  keyPersonId: z.uuid(),
  personName: z.string(),
  category: keyPersonCategorySchema,
  month: z.string(),
  screenedOn: dateSchema,
  risk: riskLevelSchema,
  reason: z.string().nullable(),
  referralTo: referralTargetSchema.nullable(),
  referralStatus: referralStatusSchema.nullable(),
  referralNote: z.string().nullable(),
  ...ledgerMeta,
});
export type RiskScreening = z.infer<typeof riskScreeningSchema>;
export const riskScreeningListSchema = listResultSchema(riskScreeningSchema);
export const listScreeningsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    keyPersonId: z.uuid().optional(),
    month: monthSchema.optional(),
    risk: riskLevelSchema.optional(),
    referralOpen: z.enum(['1']).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListScreeningsQuery = z.infer<typeof listScreeningsQuerySchema>;
const screeningRules = <T extends { risk?: RiskLevel; reason?: string | null; referralTo?: string | null }>(
  v: T,
) => v.risk === undefined || v.risk === 'green' || !!v.reason;
export const createScreeningInputSchema = z
  .object({
    keyPersonId: z.uuid({ message: '请选择重点人员' }),
    month: monthSchema,
    screenedOn: dateSchema,
    risk: riskLevelSchema,
    reason: z.string().trim().max(1000).optional(),
    referralTo: referralTargetSchema.optional(),
    referralNote: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine(screeningRules, { message: '非绿色等级请填写研判理由', path: ['reason'] })
  .refine((v) => v.risk !== 'red' || !!v.referralTo, {
    message: '红色等级须转介（婚调委、公安或民政）',
    path: ['referralTo'],
  });
export type CreateScreeningInput = z.infer<typeof createScreeningInputSchema>;
export const updateScreeningInputSchema = z
  .object({
    screenedOn: dateSchema.optional(),
    risk: riskLevelSchema.optional(),
    reason: z.string().trim().max(1000).nullable().optional(),
    referralTo: referralTargetSchema.nullable().optional(),
    referralStatus: referralStatusSchema.optional(),
    referralNote: z.string().trim().max(1000).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateScreeningInput = z.infer<typeof updateScreeningInputSchema>;

/** One key person on a month's phone checklist: screened (with the screening) or still to do. */
export const checklistItemSchema = z.object({
  keyPersonId: z.uuid(),
  orgUnitName: z.string(),
  personName: z.string(),
  category: keyPersonCategorySchema,
  previousRisk: riskLevelSchema.nullable(),
  screening: z.object({ id: z.uuid(), risk: riskLevelSchema, version: z.number().int() }).nullable(),
});
export const checklistSchema = z.object({
  month: z.string(),
  items: z.array(checklistItemSchema),
  screened: z.number().int(),
  missing: z.number().int(),
});
export type Checklist = z.infer<typeof checklistSchema>;
export const checklistQuerySchema = z.object({ month: monthSchema, orgUnitId: z.uuid().optional() }).strict();

// Mediation cases (婚姻家庭纠纷调解)

export const caseSources = ['hotline', 'walkIn', 'screening', 'police'] as const;
export type CaseSource = (typeof caseSources)[number];
export const caseSourceLabels: Record<CaseSource, Label> = {
  hotline: { zh: '12345热线工单', en: '12345 hotline ticket' },
  walkIn: { zh: '来访', en: 'Walk-in' },
  screening: { zh: '风险排查转介', en: 'Screening referral' },
  police: { zh: '公安移交', en: 'Police' },
};
export const disputeTypes = [
  'marriage',
  'inLaws',
  'neighbours',
  'domesticViolence',
  'support',
  'property',
  'other',
] as const;
export type DisputeType = (typeof disputeTypes)[number];
export const disputeTypeLabels: Record<DisputeType, Label> = {
  marriage: { zh: '婚姻', en: 'Marriage' },
  inLaws: { zh: '婆媳', en: 'In-laws' },
  neighbours: { zh: '邻里', en: 'Neighbours' },
  domesticViolence: { zh: '家庭暴力', en: 'Domestic violence' },
  support: { zh: '赡养抚养', en: 'Support' },
  property: { zh: '家庭财产', en: 'Family property' },
  other: { zh: '其他', en: 'Other' },
};
export const caseOutcomes = ['agreement', 'noAgreement', 'withdrawn'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];
export const caseOutcomeLabels: Record<CaseOutcome, Label> = {
  agreement: { zh: '达成协议', en: 'Agreement' },
  noAgreement: { zh: '未达成协议（已引导其他途径）', en: 'No agreement (referred)' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
};

export const partySchema = z
  .object({
    name: z.string().trim().min(1, { message: '请填写当事人姓名' }).max(40),
    role: z.enum(['applicant', 'respondent', 'other']).default('applicant'),
  })
  .strict();
export type Party = z.infer<typeof partySchema>;

export const mediationSessionSchema = z.object({
  id: z.uuid(),
  heldOn: dateSchema,
  attendees: z.string(),
  notes: z.string().nullable(),
});
export type MediationSession = z.infer<typeof mediationSessionSchema>;

export const mediationCaseSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  source: z.enum(caseSources),
  ticketNo: z.string().nullable(),
  replyDueOn: dateSchema.nullable(),
  repliedOn: dateSchema.nullable(),
  disputeType: z.enum(disputeTypes),
  /** Masked unless the reader is the assigned worker or the author (or revealed with a reason). */
  parties: z.array(partySchema),
  isMasked: z.boolean(),
  summary: z.string().nullable(),
  mediatorPersonId: z.uuid().nullable(),
  mediatorName: z.string().nullable(),
  assignedUserId: z.uuid().nullable(),
  assignedUserName: z.string().nullable(),
  keyPersonId: z.uuid().nullable(),
  receivedOn: dateSchema,
  /** 调解期限: received + 30 days unless set. */
  dueOn: dateSchema,
  status: z.enum(['open', 'closed']),
  outcome: z.enum(caseOutcomes).nullable(),
  referralNote: z.string().nullable(),
  closedOn: dateSchema.nullable(),
  followUpDueOn: dateSchema.nullable(),
  followedUpOn: dateSchema.nullable(),
  reopenReason: z.string().nullable(),
  sessions: z.array(mediationSessionSchema),
  ...ledgerMeta,
});
export type MediationCase = z.infer<typeof mediationCaseSchema>;
export const mediationCaseListSchema = listResultSchema(mediationCaseSchema);
export const listCasesQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    disputeType: z.enum(disputeTypes).optional(),
    caseStatus: z.enum(['open', 'closed']).optional(),
    overdue: z.enum(['1']).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;
const caseFields = {
  orgUnitId: z.uuid({ message: '请选择组织单位' }),
  source: z.enum(caseSources, { message: '请选择案件来源' }),
  ticketNo: z.string().trim().max(40).optional(),
  replyDueOn: dateSchema.optional(),
  disputeType: z.enum(disputeTypes, { message: '请选择纠纷类型' }),
  parties: z.array(partySchema).min(1, { message: '请至少填写一名当事人' }).max(10),
  summary: z.string().trim().max(2000).optional(),
  mediatorPersonId: z.uuid().optional(),
  assignedUserId: z.uuid().optional(),
  keyPersonId: z.uuid().optional(),
  receivedOn: dateSchema,
  dueOn: dateSchema.optional(),
};
export const createCaseInputSchema = z
  .object(caseFields)
  .strict()
  .refine((v) => v.source !== 'hotline' || (!!v.ticketNo && !!v.replyDueOn), {
    message: '12345工单须填写工单编号和答复期限',
    path: ['ticketNo'],
  });
export type CreateCaseInput = z.infer<typeof createCaseInputSchema>;
export const updateCaseInputSchema = z
  .object({
    ticketNo: z.string().trim().max(40).nullable().optional(),
    replyDueOn: dateSchema.nullable().optional(),
    repliedOn: dateSchema.nullable().optional(),
    disputeType: caseFields.disputeType.optional(),
    parties: caseFields.parties.optional(),
    summary: z.string().trim().max(2000).nullable().optional(),
    mediatorPersonId: z.uuid().nullable().optional(),
    assignedUserId: z.uuid().nullable().optional(),
    dueOn: dateSchema.optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateCaseInput = z.infer<typeof updateCaseInputSchema>;
export const addSessionInputSchema = z
  .object({
    heldOn: dateSchema,
    attendees: z.string().trim().min(1, { message: '请填写参加人' }).max(500),
    notes: z.string().trim().max(4000).optional(),
    version: versionSchema,
  })
  .strict();
export type AddSessionInput = z.infer<typeof addSessionInputSchema>;
export const closeCaseInputSchema = z
  .object({
    outcome: z.enum(caseOutcomes, { message: '请选择调解结果' }),
    closedOn: dateSchema,
    referralNote: z.string().trim().max(1000).optional(),
    /** 回访 date; default 30 days after an agreement. */
    followUpDueOn: dateSchema.optional(),
    version: versionSchema,
  })
  .strict()
  .refine((v) => v.outcome !== 'noAgreement' || !!v.referralNote, {
    message: '未达成协议时请说明引导的其他途径（诉讼、仲裁等）',
    path: ['referralNote'],
  });
export type CloseCaseInput = z.infer<typeof closeCaseInputSchema>;
export const reopenCaseInputSchema = z
  .object({ reason: reasonText('请说明重新打开的原因'), version: versionSchema })
  .strict();
export type ReopenCaseInput = z.infer<typeof reopenCaseInputSchema>;
export const followUpInputSchema = z.object({ followedUpOn: dateSchema, version: versionSchema }).strict();
export type FollowUpInput = z.infer<typeof followUpInputSchema>;
export const revealInputSchema = z.object({ reason: reasonText('请说明查看原因') }).strict();
export type RevealInput = z.infer<typeof revealInputSchema>;
export const revealedSchema = z.object({ parties: z.array(partySchema) });

// The data officer's access log (care records only)

export const accessLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  entityLabel: z.string().nullable(),
  via: z.string().nullable(),
  reason: z.string().nullable(),
});
export const accessLogSchema = listResultSchema(accessLogEntrySchema);
export const accessLogQuerySchema = listQueryBaseSchema
  .extend({ entityId: z.uuid().optional(), orgUnitId: z.uuid().optional() })
  .strict();
export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;

// Pairing (结对帮扶) and visits (走访)

/** 走访频次: how often the helpers are to visit (domain research §10: 每月至少一次 is the usual rhythm). */
export const visitFrequencies = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export const visitFrequencySchema = z.enum(visitFrequencies, { message: '请选择走访频次' });
export type VisitFrequency = z.infer<typeof visitFrequencySchema>;
export const visitFrequencyLabels: Record<VisitFrequency, Label> = {
  weekly: { zh: '每周一次', en: 'Weekly' },
  biweekly: { zh: '每两周一次', en: 'Every two weeks' },
  monthly: { zh: '每月一次', en: 'Monthly' },
  quarterly: { zh: '每季度一次', en: 'Quarterly' },
};

/** A helper: a cadre or executive member with an account (`userId`), or a named volunteer from people (`personId`). */
export const pairingHelperInputSchema = z
  .object({ userId: z.uuid().optional(), personId: z.uuid().optional() })
  .strict()
  .refine((h) => !!h.userId !== !!h.personId, { message: '每名帮扶人须为一名用户或一名志愿者' });
export type PairingHelperInput = z.infer<typeof pairingHelperInputSchema>;
export const pairingHelperSchema = z.object({
  userId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
  name: z.string(),
});
export type PairingHelper = z.infer<typeof pairingHelperSchema>;

export const pairingSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  keyPersonId: z.uuid(),
  /** Masked unless the reader is one of the helpers or recorded the pairing. */
  personName: z.string(),
  isMasked: z.boolean(),
  category: keyPersonCategorySchema,
  helpers: z.array(pairingHelperSchema),
  frequency: visitFrequencySchema,
  startedOn: dateSchema,
  endedOn: dateSchema.nullable(),
  endReason: z.string().nullable(),
  visitCount: z.number().int(),
  lastVisitedOn: dateSchema.nullable(),
  /** The day the next visit is due: the last visit (or the start) plus the frequency; null once ended. */
  nextDueOn: dateSchema.nullable(),
  isOverdue: z.boolean(),
  ...ledgerMeta,
});
export type Pairing = z.infer<typeof pairingSchema>;
export const pairingListSchema = listResultSchema(pairingSchema);
export const listPairingsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    keyPersonId: z.uuid().optional(),
    state: z.enum(['active', 'ended', 'all']).default('active'),
    overdue: z.enum(['1']).optional(),
    /** Only pairings the reader helps in (the phone's 我的结对). */
    mine: z.enum(['1']).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListPairingsQuery = z.infer<typeof listPairingsQuerySchema>;
const helpersSchema = z
  .array(pairingHelperInputSchema)
  .min(1, { message: '请至少选择一名帮扶人' })
  .max(5, { message: '帮扶人最多五名' });
export const createPairingInputSchema = z
  .object({
    keyPersonId: z.uuid({ message: '请选择重点人员' }),
    helpers: helpersSchema,
    frequency: visitFrequencySchema,
    startedOn: dateSchema,
  })
  .strict();
export type CreatePairingInput = z.infer<typeof createPairingInputSchema>;
export const updatePairingInputSchema = z
  .object({
    helpers: helpersSchema.optional(),
    frequency: visitFrequencySchema.optional(),
    startedOn: dateSchema.optional(),
    version: versionSchema,
  })
  .strict();
export type UpdatePairingInput = z.infer<typeof updatePairingInputSchema>;
export const endPairingInputSchema = z
  .object({
    endedOn: dateSchema,
    reason: reasonText('请说明结束结对的原因（如风险已消除、已迁出）'),
    version: versionSchema,
  })
  .strict();
export type EndPairingInput = z.infer<typeof endPairingInputSchema>;

export const visitModes = ['home', 'phone', 'wechat', 'other'] as const;
export const visitModeSchema = z.enum(visitModes, { message: '请选择走访方式' });
export type VisitMode = z.infer<typeof visitModeSchema>;
export const visitModeLabels: Record<VisitMode, Label> = {
  home: { zh: '上门', en: 'Home visit' },
  phone: { zh: '电话', en: 'Phone' },
  wechat: { zh: '微信', en: 'WeChat' },
  other: { zh: '其他', en: 'Other' },
};
export const helpKinds = ['policy', 'counselling', 'goods', 'legal', 'employment', 'other'] as const;
export const helpKindSchema = z.enum(helpKinds, { message: '请选择帮扶内容' });
export type HelpKind = z.infer<typeof helpKindSchema>;
export const helpKindLabels: Record<HelpKind, Label> = {
  policy: { zh: '政策宣讲', en: 'Policy advice' },
  counselling: { zh: '心理疏导', en: 'Counselling' },
  goods: { zh: '物资帮扶', en: 'Material aid' },
  legal: { zh: '法律援助', en: 'Legal aid' },
  employment: { zh: '就业帮扶', en: 'Employment help' },
  other: { zh: '其他', en: 'Other' },
};

export const careVisitSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  pairingId: z.uuid(),
  keyPersonId: z.uuid(),
  /** Masked, with `findings` and `nextStep` withheld, unless the reader is a helper or the author. */
  personName: z.string(),
  isMasked: z.boolean(),
  visitedOn: dateSchema,
  mode: visitModeSchema,
  findings: z.string().nullable(),
  help: z.array(helpKindSchema),
  /** Money or goods given, in fen (integer), if any. */
  amountFen: z.number().int().nullable(),
  nextStep: z.string().nullable(),
  visitorName: z.string().nullable(),
  ...ledgerMeta,
});
export type CareVisit = z.infer<typeof careVisitSchema>;
export const careVisitListSchema = listResultSchema(careVisitSchema);
export const listVisitsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    pairingId: z.uuid().optional(),
    keyPersonId: z.uuid().optional(),
    mode: visitModeSchema.optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListVisitsQuery = z.infer<typeof listVisitsQuerySchema>;
const amountFenSchema = z
  .number({ message: '金额须为数字' })
  .int({ message: '金额须精确到分' })
  .min(0, { message: '金额不能为负数' })
  .max(100_000_000, { message: '金额过大，请核对' });
export const createVisitInputSchema = z
  .object({
    /** The client's id: a retry with the same id and content answers the saved visit. */
    id: z.uuid().optional(),
    pairingId: z.uuid({ message: '请选择结对对象' }),
    visitedOn: dateSchema,
    mode: visitModeSchema,
    findings: z.string().trim().min(2, { message: '请填写走访了解到的情况' }).max(2000),
    help: z.array(helpKindSchema).max(6).default([]),
    amountFen: amountFenSchema.optional(),
    nextStep: z.string().trim().max(500).optional(),
  })
  .strict();
export type CreateVisitInput = z.infer<typeof createVisitInputSchema>;
export const updateVisitInputSchema = z
  .object({
    visitedOn: dateSchema.optional(),
    mode: visitModeSchema.optional(),
    findings: z.string().trim().min(2, { message: '请填写走访了解到的情况' }).max(2000).optional(),
    help: z.array(helpKindSchema).max(6).optional(),
    amountFen: amountFenSchema.nullable().optional(),
    nextStep: z.string().trim().max(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateVisitInput = z.infer<typeof updateVisitInputSchema>;
export const revealedVisitSchema = z.object({
  personName: z.string(),
  findings: z.string().nullable(),
  nextStep: z.string().nullable(),
});
