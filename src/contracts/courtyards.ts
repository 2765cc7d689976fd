import { z } from 'zod';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';
import { type RatingLevel, type RubricRules, ratingLevels } from './courtyards-rules';

// 精致农家·美丽庭院: rubric versions, inspections, rectifications, ratings, plaques, featured
// courtyards. Routes (all under /api/v1/courtyards):
//   rubrics            GET list · POST create · GET /effective?orgUnitId&year
//   rubrics/:rubricId  GET · PATCH (used → new version) · DELETE · POST /restore
//   groups             GET list · POST · GET/PATCH/DELETE /:inspectionGroupId · POST /:inspectionGroupId/restore
//   assignments        GET ?townId&month · PUT (town chair adjusts) · POST /generate
//   inspections        GET list · POST (idempotent on id) · GET/PATCH/DELETE /:id · POST /:id/restore
//   inspections/:inspectionId/photos POST (multipart `file`) · /:photoId GET (image) · DELETE (kernel photo routes)
//   rectifications     GET list · POST · GET /:id · POST /:id/fix · POST /:id/verify
//   rectifications/:rectificationId/photos POST ?phase=before|after · /:photoId GET · DELETE (kernel photo routes)
//   rectifications/board GET ?orgUnitId (overdue board per village)
//   households         GET list with rating and plaque · GET /:householdId/file (一户一档)
//   reviews            GET ?townId&month · POST /compute · POST /:reviewId/confirm (评比会)
//   rating-changes, plaque-events GET lists
//   featured-categories GET · PUT · featured GET · POST · DELETE /:id · POST /:id/restore
//   notices            GET ?orgUnitId&month (JSON) · GET /docx?orgUnitId&month
//   todo               GET ?orgUnitId&month
// Ledgers for kernel io: `courtyardInspections`, `courtyardRatings`.

export * from './courtyards-rules';

type Label = { zh: string; en: string };

export const ratingLevelSchema = z.enum(ratingLevels);
export const ratingLabels: Record<RatingLevel, Label> = {
  clean: { zh: '清洁户', en: 'Clean' },
  model: { zh: '示范户', en: 'Model' },
  premium: { zh: '精品户', en: 'Premium' },
};
export const noRatingLabel: Label = { zh: '未达标', en: 'Not rated' };

export const inspectionKinds = ['monthly', 'spotCheck', 'review', 'quarterly'] as const;
export const inspectionKindSchema = z.enum(inspectionKinds);
export type InspectionKind = z.infer<typeof inspectionKindSchema>;
export const inspectionKindLabels: Record<InspectionKind, Label> = {
  monthly: { zh: '月底入户', en: 'Monthly inspection' },
  spotCheck: { zh: '每月抽查', en: 'Spot check' },
  review: { zh: '复核', en: 'Review' },
  quarterly: { zh: '季度评比', en: 'Quarterly evaluation' },
};

export const rectificationStatuses = ['open', 'fixed', 'verified'] as const;
export const rectificationStatusSchema = z.enum(rectificationStatuses);
export type RectificationStatus = z.infer<typeof rectificationStatusSchema>;
/** `overdue` is derived: open past the deadline. Filters and indicators accept it. */
export const rectificationStatusFilterSchema = z.enum(['open', 'fixed', 'verified', 'overdue']);
export const rectificationStatusLabels: Record<RectificationStatus | 'overdue', Label> = {
  open: { zh: '待整改', en: 'Open' },
  fixed: { zh: '已整改待验收', en: 'Fixed' },
  verified: { zh: '已验收', en: 'Verified' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

export const plaqueChangeKinds = ['award', 'upgrade', 'downgrade', 'removal'] as const;
export const plaqueChangeKindSchema = z.enum(plaqueChangeKinds);
export const plaqueChangeKindLabels: Record<(typeof plaqueChangeKinds)[number], Label> = {
  award: { zh: '挂牌', en: 'Award' },
  upgrade: { zh: '升级换牌', en: 'Upgrade' },
  downgrade: { zh: '降级换牌', en: 'Downgrade' },
  removal: { zh: '摘牌', en: 'Removal' },
};

const ledgerMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};
const codeSchema = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/, { message: '代码应以字母开头，只含字母、数字' });
const nameSchema = z
  .string()
  .trim()
  .min(1, { message: '请填写名称' })
  .max(60, { message: '名称不能超过60个字' });
const pointsSchema = z
  .number({ message: '请填写分值' })
  .min(0, { message: '分值不能为负数' })
  .max(1000, { message: '分值过大，请核对' });
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 2026-03' });
const statusQuery = z.enum(['active', 'deleted']).default('active');

// Rubric (量化评分细则), versioned by year

export const rubricRulesSchema = z.object({
  areas: z
    .array(
      z.object({
        code: codeSchema,
        name: nameSchema,
        items: z
          .array(
            z.object({
              code: codeSchema,
              name: z.string().trim().min(1).max(120),
              maxPoints: pointsSchema,
              deductions: z
                .array(
                  z.object({
                    code: codeSchema,
                    reason: z.string().trim().min(1).max(120),
                    points: pointsSchema,
                  }),
                )
                .max(50)
                .default([]),
            }),
          )
          .min(1, { message: '每个方面至少一项' })
          .max(50),
      }),
    )
    .min(1, { message: '请至少设置一个方面' })
    .max(20),
  thresholds: z.object({ clean: pointsSchema, model: pointsSchema, premium: pointsSchema }),
  vetoItems: z.array(z.object({ code: codeSchema, name: z.string().trim().min(1).max(120) })).max(30),
  householdRule: z.object({ window: z.number().int().min(1).max(12), isVetoDropping: z.boolean() }),
  removalRule: z.object({
    consecutiveFailures: z.number().int().min(0).max(12),
    failsBelowPlaqueLevel: z.boolean(),
    isOverdueRectificationRemoving: z.boolean(),
  }),
}) satisfies z.ZodType<RubricRules, unknown>;

/** The shipped example (示例), to be replaced by the county's or town's own 细则. */
export const defaultRubricRules: RubricRules = {
  areas: [
    {
      code: 'room',
      name: '居室美',
      items: [
        {
          code: 'roomClean',
          name: '室内整洁，窗明几净',
          maxPoints: 15,
          deductions: [
            { code: 'dust', reason: '门窗灰尘', points: 2 },
            { code: 'clutter', reason: '室内物品摆放杂乱', points: 3 },
          ],
        },
        {
          code: 'bedding',
          name: '床铺整洁，衣物叠放整齐',
          maxPoints: 10,
          deductions: [{ code: 'bedding', reason: '床单被罩不洁', points: 2 }],
        },
      ],
    },
    {
      code: 'yard',
      name: '庭院美',
      items: [
        {
          code: 'yardOrder',
          name: '院内无杂物，物品分类摆放',
          maxPoints: 15,
          deductions: [
            { code: 'yardClutter', reason: '庭院物品摆放杂乱', points: 3 },
            { code: 'rubbish', reason: '门前屋后有垃圾', points: 3 },
          ],
        },
        {
          code: 'green',
          name: '庭院绿化美化，菜园整齐',
          maxPoints: 10,
          deductions: [{ code: 'weeds', reason: '杂草丛生', points: 2 }],
        },
        {
          code: 'poultry',
          name: '家禽家畜圈养',
          maxPoints: 5,
          deductions: [{ code: 'looseAnimals', reason: '家禽散养', points: 2 }],
        },
      ],
    },
    {
      code: 'kitchen',
      name: '厨厕美',
      items: [
        {
          code: 'kitchen',
          name: '厨房整洁，餐具定位存放',
          maxPoints: 15,
          deductions: [
            { code: 'grease', reason: '厨房墙壁油污', points: 3 },
            { code: 'dishes', reason: '餐具随意堆放', points: 2 },
          ],
        },
        {
          code: 'toilet',
          name: '卫生厕所，无异味无蝇蛆',
          maxPoints: 10,
          deductions: [{ code: 'odour', reason: '厕所有异味', points: 3 }],
        },
      ],
    },
    {
      code: 'family',
      name: '家风美',
      items: [
        {
          code: 'harmony',
          name: '家庭和睦，孝老爱亲',
          maxPoints: 10,
          deductions: [{ code: 'dispute', reason: '家庭矛盾未化解', points: 5 }],
        },
        {
          code: 'civility',
          name: '遵纪守法，移风易俗',
          maxPoints: 10,
          deductions: [{ code: 'extravagance', reason: '大操大办', points: 5 }],
        },
      ],
    },
  ],
  thresholds: { clean: 60, model: 80, premium: 90 },
  vetoItems: [
    { code: 'illegalBuilding', name: '私搭乱建' },
    { code: 'domesticViolence', name: '存在家庭暴力' },
    { code: 'lawBreaking', name: '家庭成员违法犯罪' },
  ],
  householdRule: { window: 3, isVetoDropping: true },
  removalRule: { consecutiveFailures: 2, failsBelowPlaqueLevel: false, isOverdueRectificationRemoving: true },
};

export const rubricSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  year: z.number().int(),
  /** 1, 2, …: editing a used rubric adds the next version; the highest is the current one. */
  versionNo: z.number().int(),
  isCurrent: z.boolean(),
  name: z.string(),
  /** The shipped 示例 default, to be replaced by the local 细则. */
  isExample: z.boolean(),
  rules: rubricRulesSchema,
  maxPoints: z.number(),
  /** Inspections scored with this version (then it can no longer change in place). */
  inspectionCount: z.number().int(),
  ...ledgerMeta,
});
export type Rubric = z.infer<typeof rubricSchema>;
export const rubricListSchema = listResultSchema(rubricSchema);
export const listRubricsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    isCurrent: z.enum(['0', '1']).optional(),
    status: statusQuery,
  })
  .strict();
export type ListRubricsQuery = z.infer<typeof listRubricsQuerySchema>;
export const createRubricInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择制定细则的单位' }),
    year: z.number().int().min(2000).max(2100),
    name: z.string().trim().min(2).max(80),
    isExample: z.boolean().default(false),
    rules: rubricRulesSchema,
  })
  .strict();
export type CreateRubricInput = z.infer<typeof createRubricInputSchema>;
export const updateRubricInputSchema = z
  .object({
    name: z.string().trim().min(2).max(80).optional(),
    isExample: z.boolean().optional(),
    rules: rubricRulesSchema.optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateRubricInput = z.infer<typeof updateRubricInputSchema>;
export const effectiveRubricQuerySchema = z
  .object({ orgUnitId: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) })
  .strict();
/** The rubric a unit uses in a year: its own, else the nearest ancestor's (towns inherit the county's). */
export const effectiveRubricSchema = z.object({ rubric: rubricSchema.nullable(), isInherited: z.boolean() });

// Inspection groups (验收小组) and a month's cross-village assignment

export const inspectionGroupSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  name: z.string(),
  memberIds: z.array(z.uuid()),
  memberNames: z.array(z.string()),
  /** The villages the members belong to: the group never inspects them. */
  homeVillageIds: z.array(z.uuid()),
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type InspectionGroup = z.infer<typeof inspectionGroupSchema>;
export const inspectionGroupListSchema = listResultSchema(inspectionGroupSchema);
export const listInspectionGroupsQuerySchema = listQueryBaseSchema
  .extend({ orgUnitId: z.uuid().optional(), q: z.string().trim().max(40).optional(), status: statusQuery })
  .strict();
export type ListInspectionGroupsQuery = z.infer<typeof listInspectionGroupsQuerySchema>;
export const createInspectionGroupInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择镇（街道）' }),
    name: z.string().trim().min(1).max(40),
    memberIds: z.array(z.uuid()).min(1, { message: '请选择小组成员' }).max(20),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type CreateInspectionGroupInput = z.infer<typeof createInspectionGroupInputSchema>;
export const updateInspectionGroupInputSchema = z
  .object({
    name: z.string().trim().min(1).max(40).optional(),
    memberIds: z.array(z.uuid()).min(1).max(20).optional(),
    note: z.string().trim().max(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateInspectionGroupInput = z.infer<typeof updateInspectionGroupInputSchema>;

export const assignmentQuerySchema = z.object({ townId: z.uuid(), month: monthSchema }).strict();
export const assignmentSchema = z.object({
  townId: z.uuid(),
  month: z.string(),
  items: z.array(
    z.object({
      villageId: z.uuid(),
      villageName: z.string(),
      households: z.number().int(),
      groupId: z.uuid().nullable(),
      groupName: z.string().nullable(),
      /** The group had this village last month too. */
      isRepeat: z.boolean(),
      /** A member of the group lives in the village (only possible after a manual change). */
      isOwnVillage: z.boolean(),
    }),
  ),
  loads: z.array(
    z.object({
      groupId: z.uuid(),
      groupName: z.string(),
      villages: z.number().int(),
      households: z.number().int(),
    }),
  ),
  isSaved: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;
export const generateAssignmentInputSchema = z
  .object({ townId: z.uuid(), month: monthSchema, isReplacing: z.boolean().default(false) })
  .strict();
export type GenerateAssignmentInput = z.infer<typeof generateAssignmentInputSchema>;
export const saveAssignmentInputSchema = z
  .object({
    townId: z.uuid(),
    month: monthSchema,
    items: z.array(z.object({ villageId: z.uuid(), groupId: z.uuid() })).max(500),
  })
  .strict();
export type SaveAssignmentInput = z.infer<typeof saveAssignmentInputSchema>;

// Inspections (入户检查)

const scoreSchema = z.number().min(0, { message: '得分不能为负数' }).max(1000);
export const deductionSchema = z.object({
  itemCode: codeSchema,
  /** The rubric's deduction reason code, when picked from the list. */
  reasonCode: codeSchema.optional(),
  reason: z.string().trim().min(1, { message: '请填写扣分原因' }).max(200),
  points: z.number().min(0.5, { message: '扣分至少0.5分' }).max(100),
});
export type Deduction = z.infer<typeof deductionSchema>;

export const inspectionSchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdLabel: z.string(),
  headName: z.string().nullable(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  rubricId: z.uuid(),
  kind: inspectionKindSchema,
  inspectedOn: dateSchema,
  month: z.string(),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  inspectorNames: z.string().nullable(),
  itemScores: z.array(z.object({ itemCode: z.string(), score: z.number() })),
  deductions: z.array(deductionSchema),
  vetoCodes: z.array(z.string()),
  totalScore: z.number(),
  rating: ratingLevelSchema.nullable(),
  isVeto: z.boolean(),
  note: z.string().nullable(),
  photoIds: z.array(z.uuid()),
  rectificationIds: z.array(z.uuid()),
  ...ledgerMeta,
});
export type Inspection = z.infer<typeof inspectionSchema>;
export const inspectionListSchema = listResultSchema(inspectionSchema);
export const inspectionSortFields = ['inspectedOn', 'totalScore', 'createdAt'] as const;
export const listInspectionsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    groupId: z.uuid().optional(),
    kind: inspectionKindSchema.optional(),
    month: monthSchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    rating: z.enum([...ratingLevels, 'none']).optional(),
    q: z.string().trim().max(40).optional(),
    status: statusQuery,
  })
  .strict();
export type ListInspectionsQuery = z.infer<typeof listInspectionsQuerySchema>;

/**
 * `id` may be generated by the phone (uuid v7): a retry after a dropped connection sends the same id
 * and gets the record already saved. The score and rating are computed by the server with the
 * rubric's rules (the same `computeScore` the form shows); items not scored count full marks.
 * A deduction with `isRectifying` opens a rectification (deadline: `rectifyBy`, default 7 days).
 */
export const createInspectionInputSchema = z
  .object({
    id: z.uuid().optional(),
    householdId: z.uuid({ message: '请选择农户' }),
    kind: inspectionKindSchema.default('monthly'),
    inspectedOn: dateSchema,
    groupId: z.uuid().optional(),
    inspectorNames: z.string().trim().max(100).optional(),
    itemScores: z
      .array(z.object({ itemCode: codeSchema, score: scoreSchema }))
      .max(200)
      .default([]),
    deductions: z
      .array(
        deductionSchema.extend({
          isRectifying: z.boolean().default(false),
          rectifyBy: dateSchema.optional(),
          ownerName: z.string().trim().max(40).optional(),
        }),
      )
      .max(100)
      .default([]),
    vetoCodes: z.array(codeSchema).max(30).default([]),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type CreateInspectionInput = z.infer<typeof createInspectionInputSchema>;
export const updateInspectionInputSchema = z
  .object({
    inspectedOn: dateSchema.optional(),
    groupId: z.uuid().nullable().optional(),
    inspectorNames: z.string().trim().max(100).nullable().optional(),
    itemScores: z
      .array(z.object({ itemCode: codeSchema, score: scoreSchema }))
      .max(200)
      .optional(),
    deductions: z.array(deductionSchema).max(100).optional(),
    vetoCodes: z.array(codeSchema).max(30).optional(),
    note: z.string().trim().max(1000).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateInspectionInput = z.infer<typeof updateInspectionInputSchema>;

export const courtyardPhotoSchema = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  phase: z.enum(['inspection', 'before', 'after']),
  createdAt: z.string(),
});
export type CourtyardPhoto = z.infer<typeof courtyardPhotoSchema>;

// Rectifications (整改)

export const rectificationSchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdLabel: z.string(),
  headName: z.string().nullable(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  inspectionId: z.uuid().nullable(),
  itemCode: z.string().nullable(),
  problem: z.string(),
  deadline: dateSchema,
  ownerName: z.string().nullable(),
  status: rectificationStatusSchema,
  isOverdue: z.boolean(),
  fixedOn: dateSchema.nullable(),
  fixNote: z.string().nullable(),
  verifiedOn: dateSchema.nullable(),
  verifiedByName: z.string().nullable(),
  beforePhotoIds: z.array(z.uuid()),
  afterPhotoIds: z.array(z.uuid()),
  ...ledgerMeta,
});
export type Rectification = z.infer<typeof rectificationSchema>;
export const rectificationListSchema = listResultSchema(rectificationSchema);
export const listRectificationsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    inspectionId: z.uuid().optional(),
    status: rectificationStatusFilterSchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .strict();
export type ListRectificationsQuery = z.infer<typeof listRectificationsQuerySchema>;
export const createRectificationInputSchema = z
  .object({
    id: z.uuid().optional(),
    inspectionId: z.uuid({ message: '请选择检查记录' }),
    /** The deduction (index in the inspection's list) this rectification answers. */
    deductionIndex: z.number().int().min(0).optional(),
    problem: z.string().trim().min(1).max(200).optional(),
    deadline: dateSchema.optional(),
    ownerName: z.string().trim().max(40).optional(),
  })
  .strict()
  .refine((v) => v.deductionIndex !== undefined || !!v.problem, {
    message: '请选择扣分项或填写整改问题',
    path: ['problem'],
  });
export type CreateRectificationInput = z.infer<typeof createRectificationInputSchema>;
export const fixRectificationInputSchema = z
  .object({ fixedOn: dateSchema, fixNote: z.string().trim().max(500).optional(), version: versionSchema })
  .strict();
export type FixRectificationInput = z.infer<typeof fixRectificationInputSchema>;
/** Verification accepts the fix, or sends it back to open (`isAccepted: false`) with a note. */
export const verifyRectificationInputSchema = z
  .object({
    verifiedOn: dateSchema,
    isAccepted: z.boolean().default(true),
    note: z.string().trim().max(500).optional(),
    version: versionSchema,
  })
  .strict();
export type VerifyRectificationInput = z.infer<typeof verifyRectificationInputSchema>;
export const rectificationBoardQuerySchema = z.object({ orgUnitId: z.uuid().optional() }).strict();
export const rectificationBoardSchema = z.object({
  today: dateSchema,
  villages: z.array(
    z.object({
      orgUnitId: z.uuid(),
      orgUnitName: z.string(),
      open: z.number().int(),
      overdue: z.number().int(),
      fixed: z.number().int(),
      overdueItems: z.array(rectificationSchema),
    }),
  ),
});
export type RectificationBoard = z.infer<typeof rectificationBoardSchema>;

// Household ratings, rating history, plaques

export const courtyardHouseholdSchema = z.object({
  householdId: z.uuid(),
  householdLabel: z.string(),
  headName: z.string().nullable(),
  houseNumber: z.string().nullable(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  rating: ratingLevelSchema.nullable(),
  ratedOn: dateSchema.nullable(),
  plaqueLevel: ratingLevelSchema.nullable(),
  plaqueSince: dateSchema.nullable(),
  lastInspectedOn: dateSchema.nullable(),
  lastScore: z.number().nullable(),
  openRectifications: z.number().int(),
  featuredCategories: z.array(z.string()),
});
export type CourtyardHousehold = z.infer<typeof courtyardHouseholdSchema>;
export const courtyardHouseholdListSchema = listResultSchema(courtyardHouseholdSchema);
export const listCourtyardHouseholdsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    rating: z.enum([...ratingLevels, 'none']).optional(),
    plaque: z.enum([...ratingLevels, 'none']).optional(),
    q: z.string().trim().max(40).optional(),
  })
  .strict();
export type ListCourtyardHouseholdsQuery = z.infer<typeof listCourtyardHouseholdsQuerySchema>;

export const ratingChangeSchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdLabel: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  month: z.string(),
  effectiveOn: dateSchema,
  fromRating: ratingLevelSchema.nullable(),
  toRating: ratingLevelSchema.nullable(),
  averageScore: z.number().nullable(),
  reason: z.string(),
  reviewId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type RatingChange = z.infer<typeof ratingChangeSchema>;
export const ratingChangeListSchema = listResultSchema(ratingChangeSchema);

export const plaqueEventSchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdLabel: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  kind: plaqueChangeKindSchema,
  fromLevel: ratingLevelSchema.nullable(),
  toLevel: ratingLevelSchema.nullable(),
  occurredOn: dateSchema,
  reason: z.string(),
  reviewId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type PlaqueEvent = z.infer<typeof plaqueEventSchema>;
export const plaqueEventListSchema = listResultSchema(plaqueEventSchema);
export const listHistoryQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    kind: plaqueChangeKindSchema.optional(),
  })
  .strict();
export type ListHistoryQuery = z.infer<typeof listHistoryQuerySchema>;

// Monthly review (评比会): computed pending list, confirmed with reasons

export const reviewItemSchema = z.object({
  /** Stable within the review: `<householdId>`. */
  key: z.string(),
  householdId: z.uuid(),
  householdLabel: z.string(),
  headName: z.string().nullable(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  averageScore: z.number().nullable(),
  fromRating: ratingLevelSchema.nullable(),
  toRating: ratingLevelSchema.nullable(),
  isRatingChange: z.boolean(),
  plaque: z
    .object({
      kind: plaqueChangeKindSchema,
      fromLevel: ratingLevelSchema.nullable(),
      toLevel: ratingLevelSchema.nullable(),
      reason: z.string(),
    })
    .nullable(),
  reason: z.string(),
  /** After confirmation: applied, or rejected by the meeting with its reason. */
  decision: z.enum(['pending', 'applied', 'rejected']),
  rejectReason: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;
export const reviewSchema = z.object({
  id: z.uuid(),
  townId: z.uuid(),
  townName: z.string(),
  month: z.string(),
  status: z.enum(['pending', 'confirmed']),
  computedAt: z.string(),
  meetingOn: dateSchema.nullable(),
  note: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  items: z.array(reviewItemSchema),
  counts: z.object({
    households: z.number().int(),
    ratingChanges: z.number().int(),
    awards: z.number().int(),
    removals: z.number().int(),
  }),
  version: z.number().int(),
});
export type Review = z.infer<typeof reviewSchema>;
export const reviewQuerySchema = z.object({ townId: z.uuid(), month: monthSchema }).strict();
export const reviewOrNullSchema = z.object({ review: reviewSchema.nullable() });
export const computeReviewInputSchema = z.object({ townId: z.uuid(), month: monthSchema }).strict();
export type ComputeReviewInput = z.infer<typeof computeReviewInputSchema>;
export const confirmReviewInputSchema = z
  .object({
    meetingOn: dateSchema,
    note: z.string().trim().max(1000).optional(),
    rejected: z
      .array(
        z.object({
          key: z.string(),
          reason: z.string().trim().min(1, { message: '请填写不予通过的理由' }).max(200),
        }),
      )
      .max(5000)
      .default([]),
    version: versionSchema,
  })
  .strict();
export type ConfirmReviewInput = z.infer<typeof confirmReviewInputSchema>;

// Featured courtyards (特色庭院)

export const defaultFeaturedCategories: { code: string; label: Label }[] = [
  { code: 'honesty', label: { zh: '诚实守信', en: 'Honesty' } },
  { code: 'virtueHealth', label: { zh: '美德健康', en: 'Virtue and health' } },
  { code: 'filialPiety', label: { zh: '孝老爱亲', en: 'Filial piety' } },
  { code: 'greenEcology', label: { zh: '绿色生态', en: 'Green ecology' } },
  { code: 'diligence', label: { zh: '勤劳致富', en: 'Diligence' } },
  { code: 'volunteering', label: { zh: '志愿奉献', en: 'Volunteering' } },
  { code: 'graceful', label: { zh: '蕙质兰心', en: 'Grace' } },
  { code: 'calligraphy', label: { zh: '墨韵书香', en: 'Calligraphy and books' } },
  { code: 'books', label: { zh: '书香庭院', en: 'Book courtyard' } },
  { code: 'flowers', label: { zh: '花香庭院', en: 'Flower courtyard' } },
  { code: 'scenic', label: { zh: '观景庭院', en: 'Scenic courtyard' } },
  { code: 'economic', label: { zh: '经济庭院', en: 'Economic courtyard' } },
  { code: 'seaweed', label: { zh: '海草庭院', en: 'Seaweed-roof courtyard' } },
];
export const featuredCategoryOptionsSchema = z.object({
  categories: z.array(
    z.object({
      code: codeSchema,
      label: z.object({ zh: z.string().min(1).max(20), en: z.string().max(40) }),
    }),
  ),
  isDefault: z.boolean(),
});
export const saveFeaturedCategoriesInputSchema = z
  .object({
    categories: z
      .array(
        z.object({
          code: codeSchema,
          label: z.object({ zh: z.string().trim().min(1).max(20), en: z.string().trim().max(40) }),
        }),
      )
      .min(1)
      .max(50),
  })
  .strict();
export type SaveFeaturedCategoriesInput = z.infer<typeof saveFeaturedCategoriesInputSchema>;
export const featuredDesignationSchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdLabel: z.string(),
  headName: z.string().nullable(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  category: z.string(),
  designatedOn: dateSchema,
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type FeaturedDesignation = z.infer<typeof featuredDesignationSchema>;
export const featuredDesignationListSchema = listResultSchema(featuredDesignationSchema);
export const listFeaturedQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    category: codeSchema.optional(),
    status: statusQuery,
  })
  .strict();
export type ListFeaturedQuery = z.infer<typeof listFeaturedQuerySchema>;
export const createFeaturedInputSchema = z
  .object({
    householdId: z.uuid({ message: '请选择农户' }),
    category: codeSchema,
    designatedOn: dateSchema,
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type CreateFeaturedInput = z.infer<typeof createFeaturedInputSchema>;

// 一户一档, 公示, to-do

export const householdFileSchema = z.object({
  household: courtyardHouseholdSchema.extend({ address: z.string() }),
  scoreTrend: z.array(
    z.object({
      month: z.string(),
      kind: inspectionKindSchema,
      totalScore: z.number(),
      rating: ratingLevelSchema.nullable(),
    }),
  ),
  inspections: z.array(inspectionSchema),
  ratingChanges: z.array(ratingChangeSchema),
  plaqueEvents: z.array(plaqueEventSchema),
  rectifications: z.array(rectificationSchema),
  featured: z.array(featuredDesignationSchema),
  photos: z.array(
    courtyardPhotoSchema.extend({ inspectionId: z.uuid().nullable(), rectificationId: z.uuid().nullable() }),
  ),
});
export type HouseholdFile = z.infer<typeof householdFileSchema>;

export const noticeQuerySchema = z.object({ orgUnitId: z.uuid(), month: monthSchema }).strict();
/** 公示 (红黑榜) of a village's month: names masked (张*华), no ID number, no phone. */
export const publicNoticeSchema = z.object({
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  townName: z.string().nullable(),
  month: z.string(),
  inspected: z.number().int(),
  /** 红榜: rated households of the month, best first. */
  redList: z.array(
    z.object({
      maskedName: z.string(),
      houseNumber: z.string().nullable(),
      totalScore: z.number(),
      rating: ratingLevelSchema.nullable(),
      plaqueLevel: ratingLevelSchema.nullable(),
    }),
  ),
  /** 黑榜: households below 清洁户 or with a veto this month, with the problems to fix. */
  blackList: z.array(
    z.object({
      maskedName: z.string(),
      houseNumber: z.string().nullable(),
      totalScore: z.number(),
      problems: z.array(z.string()),
    }),
  ),
  plaqueChanges: z.array(
    z.object({
      maskedName: z.string(),
      kind: plaqueChangeKindSchema,
      toLevel: ratingLevelSchema.nullable(),
      reason: z.string(),
    }),
  ),
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const todoQuerySchema = z.object({ orgUnitId: z.uuid().optional(), month: monthSchema }).strict();
export const todoSchema = z.object({
  month: z.string(),
  groups: z.array(
    z.object({
      groupId: z.uuid(),
      groupName: z.string(),
      villages: z.array(
        z.object({
          villageId: z.uuid(),
          villageName: z.string(),
          households: z.number().int(),
          inspected: z.number().int(),
          /** First 200 households not yet inspected this month. */
          pending: z.array(
            z.object({
              householdId: z.uuid(),
              label: z.string(),
              headName: z.string().nullable(),
              houseNumber: z.string().nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
  /** Villages of the scope no group is assigned to this month. */
  unassignedVillages: z.array(
    z.object({ villageId: z.uuid(), villageName: z.string(), pending: z.number().int() }),
  ),
  overdueRectifications: z.array(rectificationSchema),
});
export type Todo = z.infer<typeof todoSchema>;
