import { z } from 'zod';
import { codeSchema } from './common/code-lists';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

type Label = { zh: string; en: string };

/**
 * An activity type. `isDated`: its activities are named with their dates in a summary (publicity days and
 * classes: "3月8日，开展…普法宣传", "6月1日至3日举办…培训班"), as are the activities marked 重点.
 */
export type ActivityTypeOption = { code: string; label: Label; isDated?: boolean };

/** Default activity types with their codes; a county may configure its own list (same codes kept). */
export const defaultActivityTypes: ActivityTypeOption[] = [
  { code: 'outreach', label: { zh: '宣讲', en: 'Outreach talk' } },
  { code: 'training', label: { zh: '培训', en: 'Training' }, isDated: true },
  { code: 'legalEducation', label: { zh: '普法', en: 'Legal education' }, isDated: true },
  { code: 'volunteerService', label: { zh: '志愿服务', en: 'Volunteer service' } },
  { code: 'studyTour', label: { zh: '研学', en: 'Study tour' } },
  { code: 'visit', label: { zh: '走访慰问', en: 'Home visit' } },
  { code: 'healthClinic', label: { zh: '义诊/健康讲座', en: 'Health clinic' } },
  { code: 'culturalEvent', label: { zh: '文体活动', en: 'Cultural event' } },
  { code: 'familyReading', label: { zh: '亲子阅读', en: 'Family reading' } },
  { code: 'meeting', label: { zh: '会议', en: 'Meeting' } },
  { code: 'other', label: { zh: '其他', en: 'Other' } },
];

/**
 * An activity's day or days as a Chinese text writes them: 6月1日, 6月1日至3日, 6月30日至7月2日,
 * 2025年12月30日至2026年1月2日 (`withYear` puts the year first: 2026年6月1日至3日).
 */
export const activityDatesZh = (from: string, to?: string | null, withYear = false): string => {
  const [y1, m1, d1] = from.split('-').map(Number);
  const start = `${withYear ? `${y1}年` : ''}${m1}月${d1}日`;
  if (!to || to <= from) return start;
  const [y2, m2, d2] = to.split('-').map(Number);
  if (y2 !== y1) return `${y1}年${m1}月${d1}日至${y2}年${m2}月${d2}日`;
  return m2 === m1 ? `${start}至${d2}日` : `${start}至${m2}月${d2}日`;
};

export const targetGroups = [
  'women',
  'children',
  'families',
  'elderly',
  'youth',
  'partyMembers',
  'public',
] as const;
export const targetGroupSchema = z.enum(targetGroups);
export const targetGroupLabels: Record<(typeof targetGroups)[number], Label> = {
  women: { zh: '妇女', en: 'Women' },
  children: { zh: '儿童', en: 'Children' },
  families: { zh: '家庭', en: 'Families' },
  elderly: { zh: '老人', en: 'Elderly' },
  youth: { zh: '青少年', en: 'Youth' },
  partyMembers: { zh: '党员', en: 'Party members' },
  public: { zh: '群众', en: 'Public' },
};

const ledgerMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};

const typeCodeSchema = codeSchema('活动类型');
const titleSchema = z
  .string()
  .trim()
  .min(2, { message: '活动名称至少2个字' })
  .max(100, { message: '活动名称不能超过100个字' });

export const activitySchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  title: z.string(),
  type: z.string(),
  occurredOn: dateSchema,
  /** The last day of a multi-day activity (6月1日至3日); null for a one-day one. */
  endedOn: dateSchema.nullable(),
  /** 重点: she marked it as a highlight; a summary names it with its dates. */
  isNotable: z.boolean(),
  coOrganizers: z.string().nullable(),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  place: z.string().nullable(),
  campaignIds: z.array(z.uuid()),
  campaignNames: z.array(z.string()),
  attendance: z.number().int(),
  volunteerCount: z.number().int(),
  targetGroups: z.array(targetGroupSchema),
  summary: z.string().nullable(),
  participantIds: z.array(z.uuid()),
  photoIds: z.array(z.uuid()),
  seriesId: z.uuid().nullable(),
  ...ledgerMeta,
});
export type Activity = z.infer<typeof activitySchema>;
/**
 * One activity as its detail shows it: with the names of the participants the reader may see
 * (a participant from outside the reader's subtree is counted in `hiddenParticipants`, not named).
 */
export const activityDetailSchema = activitySchema.extend({
  participants: z.array(z.object({ id: z.uuid(), name: z.string() })),
  hiddenParticipants: z.number().int(),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;
export const activityListSchema = listResultSchema(activitySchema);

export const listActivitiesQuerySchema = listQueryBaseSchema
  .extend({
    q: z.string().trim().max(60).optional(),
    orgUnitId: z.uuid().optional(),
    type: typeCodeSchema.optional(),
    campaignId: z.uuid().optional(),
    siteId: z.uuid().optional(),
    targetGroup: targetGroupSchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuerySchema>;

const activityFields = {
  orgUnitId: z.uuid({ message: '请选择组织单位' }),
  title: titleSchema,
  type: typeCodeSchema,
  occurredOn: dateSchema,
  endedOn: dateSchema.optional(),
  isNotable: z.boolean().default(false),
  coOrganizers: z.string().trim().max(200).optional(),
  siteId: z.uuid().optional(),
  place: z.string().trim().max(120).optional(),
  campaignIds: z.array(z.uuid()).max(10).default([]),
  attendance: z
    .number({ message: '请填写参加人次' })
    .int({ message: '人次应为整数' })
    .min(0, { message: '人次不能为负数' })
    .max(100_000, { message: '人次超过10万，请核对' }),
  volunteerCount: z.number().int().min(0).max(10_000).default(0),
  targetGroups: z.array(targetGroupSchema).max(7).default([]),
  summary: z.string().trim().max(2000).optional(),
  participantIds: z.array(z.uuid()).max(500).default([]),
};

/**
 * `id` may be generated by the client (uuid v7): a phone that retries after a dropped connection
 * sends the same id, and the server answers with the record already saved instead of a duplicate.
 */
export const createActivityInputSchema = z
  .object({ id: z.uuid().optional(), ...activityFields })
  .strict()
  .refine((v) => !v.endedOn || v.endedOn >= v.occurredOn, {
    message: '结束日期不能早于开始日期',
    path: ['endedOn'],
  });
export type CreateActivityInput = z.infer<typeof createActivityInputSchema>;

export const updateActivityInputSchema = z
  .object({
    title: titleSchema.optional(),
    type: typeCodeSchema.optional(),
    occurredOn: dateSchema.optional(),
    endedOn: dateSchema.nullable().optional(),
    isNotable: z.boolean().optional(),
    coOrganizers: z.string().trim().max(200).nullable().optional(),
    siteId: z.uuid().nullable().optional(),
    place: z.string().trim().max(120).nullable().optional(),
    campaignIds: z.array(z.uuid()).max(10).optional(),
    attendance: activityFields.attendance.optional(),
    volunteerCount: z.number().int().min(0).max(10_000).optional(),
    targetGroups: z.array(targetGroupSchema).max(7).optional(),
    summary: z.string().trim().max(2000).nullable().optional(),
    participantIds: z.array(z.uuid()).max(500).optional(),
    version: versionSchema,
  })
  .strict()
  .refine((v) => !v.endedOn || !v.occurredOn || v.endedOn >= v.occurredOn, {
    message: '结束日期不能早于开始日期',
    path: ['endedOn'],
  });
export type UpdateActivityInput = z.infer<typeof updateActivityInputSchema>;

/** "每月组织各村居开展主题宣讲": one activity per unit per month, each editable afterwards. */
export const createActivitySeriesInputSchema = z
  .object({
    title: titleSchema,
    type: typeCodeSchema,
    orgUnitIds: z.array(z.uuid()).min(1, { message: '请选择至少一个村（社区）' }).max(100),
    months: z
      .array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 2026-03' }))
      .min(1, { message: '请选择月份' })
      .max(24),
    day: z.number().int().min(1).max(28).default(15),
    attendance: activityFields.attendance.default(0),
    campaignIds: z.array(z.uuid()).max(10).default([]),
    targetGroups: z.array(targetGroupSchema).max(7).default([]),
  })
  .strict();
export type CreateActivitySeriesInput = z.infer<typeof createActivitySeriesInputSchema>;
export const activitySeriesResultSchema = z.object({ seriesId: z.uuid(), created: z.number().int() });

// Campaigns (专项行动/品牌活动)

export const campaignSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  name: z.string(),
  startsOn: dateSchema.nullable(),
  endsOn: dateSchema.nullable(),
  note: z.string().nullable(),
  /** Totals over the caller's subtree: 场次 and 人次 of the activities linked to it. */
  sessions: z.number().int(),
  attendances: z.number().int(),
  ...ledgerMeta,
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignListSchema = listResultSchema(campaignSchema);
export const listCampaignsQuerySchema = listQueryBaseSchema
  .extend({
    q: z.string().trim().max(60).optional(),
    orgUnitId: z.uuid().optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuerySchema>;
export const createCampaignInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择发起组织' }),
    name: z.string().trim().min(2, { message: '名称至少2个字' }).max(60, { message: '名称不能超过60个字' }),
    startsOn: dateSchema.optional(),
    endsOn: dateSchema.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    message: '结束日期不能早于开始日期',
    path: ['endsOn'],
  });
export type CreateCampaignInput = z.infer<typeof createCampaignInputSchema>;
export const updateCampaignInputSchema = z
  .object({
    name: z.string().trim().min(2).max(60).optional(),
    startsOn: dateSchema.nullable().optional(),
    endsOn: dateSchema.nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateCampaignInput = z.infer<typeof updateCampaignInputSchema>;

// Patrols (巾帼林长护林防火巡查)

export const patrolSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  occurredOn: dateSchema,
  area: z.string(),
  durationMinutes: z.number().int().nullable(),
  chiefIds: z.array(z.uuid()),
  chiefNames: z.array(z.string()),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  hazardsFound: z.number().int(),
  hazardNote: z.string().nullable(),
  actionTaken: z.string().nullable(),
  /** Photos of the hazards found and of what was done (at most nine). */
  photoIds: z.array(z.uuid()),
  ...ledgerMeta,
});
export type Patrol = z.infer<typeof patrolSchema>;
export const patrolListSchema = listResultSchema(patrolSchema);
export const listPatrolsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    chiefId: z.uuid().optional(),
    teamId: z.uuid().optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    hasHazards: z.enum(['0', '1']).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListPatrolsQuery = z.infer<typeof listPatrolsQuerySchema>;
const patrolFields = {
  orgUnitId: z.uuid({ message: '请选择组织单位' }),
  occurredOn: dateSchema,
  area: z.string().trim().min(2, { message: '请填写巡查区域或路线' }).max(120),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  chiefIds: z.array(z.uuid()).min(1, { message: '请选择巡查的林长' }).max(30),
  teamId: z.uuid().optional(),
  hazardsFound: z.number().int().min(0).max(1000).default(0),
  hazardNote: z.string().trim().max(1000).optional(),
  actionTaken: z.string().trim().max(1000).optional(),
};
export const createPatrolInputSchema = z
  .object({ id: z.uuid().optional(), ...patrolFields })
  .strict()
  .refine((v) => v.hazardsFound === 0 || !!v.hazardNote, {
    message: '发现隐患时请说明隐患情况',
    path: ['hazardNote'],
  });
export type CreatePatrolInput = z.infer<typeof createPatrolInputSchema>;
/** A team's week in one go (thousands of patrols a year per town). */
export const createPatrolBatchInputSchema = z
  .object({ items: z.array(createPatrolInputSchema).min(1).max(200) })
  .strict();
export type CreatePatrolBatchInput = z.infer<typeof createPatrolBatchInputSchema>;
export const updatePatrolInputSchema = z
  .object({
    occurredOn: dateSchema.optional(),
    area: patrolFields.area.optional(),
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .nullable()
      .optional(),
    chiefIds: patrolFields.chiefIds.optional(),
    teamId: z.uuid().nullable().optional(),
    hazardsFound: z.number().int().min(0).max(1000).optional(),
    hazardNote: z.string().trim().max(1000).nullable().optional(),
    actionTaken: z.string().trim().max(1000).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdatePatrolInput = z.infer<typeof updatePatrolInputSchema>;

export const exportActivitiesQuerySchema = listActivitiesQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
export type ExportActivitiesQuery = z.infer<typeof exportActivitiesQuerySchema>;
