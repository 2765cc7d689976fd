import { z } from 'zod';
import { type CodeOption, codeSchema } from './common/code-lists';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

// 阵地 (service sites), 网格 (grids) and 妇女小组 (women's groups), 换届 (elections).

/** The built-in site kinds; a county may rename them and add its own (儿童实践基地, 农家书屋). */
export const siteKinds = [
  'womenHome',
  'microHome',
  'childrenHome',
  'parentSchool',
  'familyCounselingStation',
  'mediationRoom',
  'creditStore',
  'workshop',
  'studyBase',
  'other',
] as const;
/** A site kind's code: a built-in one, or one the county added (`custom1`); checked against the county's list. */
export const siteKindSchema = codeSchema('阵地类型');
export type SiteKind = string;
export const siteKindLabels: Record<(typeof siteKinds)[number], { zh: string; en: string }> = {
  womenHome: { zh: '妇女之家', en: "Women's Home" },
  microHome: { zh: '妇女微家', en: "Women's Micro-home" },
  childrenHome: { zh: '儿童之家', en: "Children's Home" },
  parentSchool: { zh: '家长学校', en: 'Parent school' },
  familyCounselingStation: { zh: '婚姻家庭辅导站', en: 'Family counseling station' },
  mediationRoom: { zh: '调解室', en: 'Mediation room' },
  creditStore: { zh: '巾帼信用超市', en: 'Credit store' },
  workshop: { zh: '共富工坊/大姐工坊', en: 'Workshop' },
  studyBase: { zh: '研学/红色教育基地', en: 'Study base' },
  other: { zh: '其他', en: 'Other' },
};
export const defaultSiteKinds: CodeOption[] = siteKinds.map((code) => ({
  code,
  label: siteKindLabels[code],
}));
/** `GET /api/v1/org/site-kinds`: the county's site kinds (its own, or the built-in ones). */
export type SiteKindOptions = { kinds: CodeOption[]; isDefault: boolean };

const text = (max: number) => z.string().trim().max(max);
const nameOf = (what: string) =>
  z
    .string()
    .trim()
    .min(2, { message: `${what}至少2个字` })
    .max(60, { message: `${what}不能超过60个字` });

const ledgerMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};

export const siteSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  kind: siteKindSchema,
  name: z.string(),
  address: z.string().nullable(),
  openedOn: dateSchema.nullable(),
  contactPersonId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type Site = z.infer<typeof siteSchema>;
export const siteListSchema = listResultSchema(siteSchema);
export const listSitesQuerySchema = listQueryBaseSchema
  .extend({
    q: text(40).optional(),
    kind: siteKindSchema.optional(),
    orgUnitId: z.uuid().optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListSitesQuery = z.infer<typeof listSitesQuerySchema>;
export const createSiteInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择所属组织' }),
    kind: siteKindSchema,
    name: nameOf('阵地名称'),
    address: text(120).optional(),
    openedOn: dateSchema.optional(),
    contactPersonId: z.uuid().optional(),
    note: text(500).optional(),
  })
  .strict();
export type CreateSiteInput = z.infer<typeof createSiteInputSchema>;
export const updateSiteInputSchema = z
  .object({
    kind: siteKindSchema.optional(),
    name: nameOf('阵地名称').optional(),
    address: text(120).nullable().optional(),
    openedOn: dateSchema.nullable().optional(),
    contactPersonId: z.uuid().nullable().optional(),
    note: text(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateSiteInput = z.infer<typeof updateSiteInputSchema>;

export const gridSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  name: z.string(),
  /** The executive member (执委) who covers the grid. */
  memberPersonId: z.uuid().nullable(),
  memberName: z.string().nullable(),
  householdCount: z.number().int(),
  personCount: z.number().int(),
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type Grid = z.infer<typeof gridSchema>;
export const gridListSchema = listResultSchema(gridSchema);
export const listGridsQuerySchema = listQueryBaseSchema
  .extend({
    q: text(40).optional(),
    orgUnitId: z.uuid().optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListGridsQuery = z.infer<typeof listGridsQuerySchema>;
export const createGridInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择所属村（社区）' }),
    name: nameOf('网格名称'),
    memberPersonId: z.uuid().optional(),
    note: text(500).optional(),
  })
  .strict();
export type CreateGridInput = z.infer<typeof createGridInputSchema>;
export const updateGridInputSchema = z
  .object({
    name: nameOf('网格名称').optional(),
    memberPersonId: z.uuid().nullable().optional(),
    note: text(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateGridInput = z.infer<typeof updateGridInputSchema>;
export const assignGridHouseholdsInputSchema = z
  .object({ householdIds: z.array(z.uuid()).min(1).max(500) })
  .strict();
export type AssignGridHouseholdsInput = z.infer<typeof assignGridHouseholdsInputSchema>;

/** Coverage: households no grid covers, and executive members over the configured load. */
export const gridCoverageQuerySchema = z
  .object({
    orgUnitId: z.uuid().optional(),
    maxPersons: z.coerce.number().int().min(1).max(1000).default(50),
    maxSpecialFamilies: z.coerce.number().int().min(0).max(100).default(3),
  })
  .strict();
export const gridCoverageSchema = z.object({
  householdCount: z.number().int(),
  uncoveredHouseholdCount: z.number().int(),
  uncoveredHouseholds: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      orgUnitName: z.string(),
      reason: z.enum(['noGrid', 'noMember']),
    }),
  ),
  overloadedMembers: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      grids: z.array(z.string()),
      personCount: z.number().int(),
      specialFamilyCount: z.number().int(),
    }),
  ),
});
export type GridCoverage = z.infer<typeof gridCoverageSchema>;

export const womenGroupSchema = z.object({
  id: z.uuid(),
  gridId: z.uuid(),
  gridName: z.string(),
  orgUnitId: z.uuid(),
  name: z.string(),
  leaderPersonId: z.uuid().nullable(),
  leaderName: z.string().nullable(),
  memberIds: z.array(z.uuid()),
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type WomenGroup = z.infer<typeof womenGroupSchema>;
export const womenGroupListSchema = listResultSchema(womenGroupSchema);
export const listWomenGroupsQuerySchema = listQueryBaseSchema
  .extend({
    gridId: z.uuid().optional(),
    orgUnitId: z.uuid().optional(),
    q: text(40).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListWomenGroupsQuery = z.infer<typeof listWomenGroupsQuerySchema>;
export const createWomenGroupInputSchema = z
  .object({
    gridId: z.uuid({ message: '请选择网格' }),
    name: nameOf('小组名称'),
    leaderPersonId: z.uuid().optional(),
    memberIds: z.array(z.uuid()).max(200).default([]),
    note: text(500).optional(),
  })
  .strict();
export type CreateWomenGroupInput = z.infer<typeof createWomenGroupInputSchema>;
export const updateWomenGroupInputSchema = z
  .object({
    name: nameOf('小组名称').optional(),
    leaderPersonId: z.uuid().nullable().optional(),
    memberIds: z.array(z.uuid()).max(200).optional(),
    note: text(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateWomenGroupInput = z.infer<typeof updateWomenGroupInputSchema>;

export const electionSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  heldOn: dateSchema,
  seats: z.number().int().nullable(),
  termYears: z.number().int(),
  note: z.string().nullable(),
  elected: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      role: z.enum(['chair', 'viceChair', 'executiveMember']),
    }),
  ),
  endedTerms: z.number().int(),
  ...ledgerMeta,
});
export type Election = z.infer<typeof electionSchema>;
export const electionListSchema = listResultSchema(electionSchema);
export const listElectionsQuerySchema = listQueryBaseSchema
  .extend({ orgUnitId: z.uuid().optional() })
  .strict();
export type ListElectionsQuery = z.infer<typeof listElectionsQuerySchema>;
export const recordElectionInputSchema = z
  .object({
    orgUnitId: z.uuid({ message: '请选择换届的组织' }),
    heldOn: dateSchema,
    seats: z.number().int().min(1).max(200).optional(),
    termYears: z.number().int().min(1).max(10).default(5),
    chairId: z.uuid({ message: '请选择当选主席' }),
    viceChairIds: z.array(z.uuid()).max(20).default([]),
    executiveMemberIds: z.array(z.uuid()).max(200).default([]),
    note: text(500).optional(),
  })
  .strict();
export type RecordElectionInput = z.infer<typeof recordElectionInputSchema>;

export const exportSitesQuerySchema = listSitesQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
export type ExportSitesQuery = z.infer<typeof exportSitesQuerySchema>;

export const exportGridsQuerySchema = listGridsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
export type ExportGridsQuery = z.infer<typeof exportGridsQuerySchema>;

export const exportWomenGroupsQuerySchema = listWomenGroupsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
export type ExportWomenGroupsQuery = z.infer<typeof exportWomenGroupsQuerySchema>;
