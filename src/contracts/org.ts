import { z } from 'zod';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

export const orgKinds = [
  'county',
  'banner',
  'town',
  'sumu',
  'street',
  'village',
  'gacha',
  'community',
  'enterprise',
  'newSector',
] as const;
export const orgKindSchema = z.enum(orgKinds);
export type OrgKind = z.infer<typeof orgKindSchema>;

export const orgKindLabels: Record<OrgKind, { zh: string; en: string }> = {
  county: { zh: '县（区）妇联', en: 'County federation' },
  banner: { zh: '旗妇联', en: 'Banner federation' },
  town: { zh: '镇妇联', en: 'Town federation' },
  sumu: { zh: '苏木妇联', en: 'Sumu federation' },
  street: { zh: '街道妇联', en: 'Street federation' },
  village: { zh: '村妇联', en: 'Village federation' },
  gacha: { zh: '嘎查妇联', en: 'Gacha federation' },
  community: { zh: '社区妇联', en: 'Community federation' },
  enterprise: { zh: '企业妇联', en: 'Enterprise federation' },
  newSector: { zh: '新领域妇联（两新/四新）', en: 'New-sector federation' },
};

/**
 * Which kinds may sit directly under which. A county (or a banner, 旗, its equal in Inner Mongolia)
 * is the root of a deployment; a banner holds 苏木 beside towns and streets, a 苏木 holds 嘎查 beside
 * villages and communities, and a town in a banner may hold 嘎查 too.
 */
export const allowedChildKinds: Record<OrgKind, readonly OrgKind[]> = {
  county: ['town', 'street', 'enterprise', 'newSector'],
  banner: ['sumu', 'town', 'street', 'enterprise', 'newSector'],
  town: ['village', 'gacha', 'community', 'enterprise', 'newSector'],
  sumu: ['gacha', 'village', 'community', 'enterprise', 'newSector'],
  street: ['village', 'community', 'enterprise', 'newSector'],
  village: [],
  gacha: [],
  community: [],
  enterprise: [],
  newSector: [],
};

export type OrgLevel = 'county' | 'town' | 'village' | 'other';
const levels: Record<OrgKind, OrgLevel> = {
  county: 'county',
  banner: 'county',
  town: 'town',
  sumu: 'town',
  street: 'town',
  village: 'village',
  gacha: 'village',
  community: 'village',
  enterprise: 'other',
  newSector: 'other',
};

/**
 * The level a kind stands at: 县 and 旗 at the county's; 镇, 苏木 and 街道 at the town's; 村, 嘎查
 * and 社区 at the village's (the grassroots, where grids and courtyards are); enterprise and
 * new-sector federations are `other`. Code that means "a village" asks this, never `kind === 'village'`.
 */
export const levelOf = (kind: string): OrgLevel => levels[kind as OrgKind] ?? 'other';

/** The kinds at a level (`kindsAt('village')`: village, gacha, community), for a query's `kind in (…)`. */
export const kindsAt = (level: OrgLevel): OrgKind[] => orgKinds.filter((k) => levels[k] === level);

const nameSchema = z
  .string()
  .trim()
  .min(2, { message: '名称至少2个字' })
  .max(60, { message: '名称不能超过60个字' });
const codeSchema = z
  .string()
  .trim()
  .regex(/^\d{6,15}$/, { message: '区划代码应为6至15位数字' });

export const orgUnitSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: orgKindSchema,
  name: z.string(),
  code: z.string().nullable(),
  depth: z.number().int(),
  foundedOn: dateSchema.nullable(),
  dissolvedOn: dateSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const orgTreeNodeSchema = orgUnitSchema.pick({
  id: true,
  parentId: true,
  kind: true,
  name: true,
  code: true,
  depth: true,
  dissolvedOn: true,
});
export type OrgTreeNode = z.infer<typeof orgTreeNodeSchema>;
export const orgTreeSchema = z.object({ items: z.array(orgTreeNodeSchema) });

export const listOrgUnitsQuerySchema = listQueryBaseSchema
  .extend({
    q: z.string().trim().max(60).optional(),
    kind: orgKindSchema.optional(),
    /** Restrict to this unit's subtree (must be inside the caller's). */
    orgUnitId: z.uuid().optional(),
    status: z.enum(['active', 'dissolved', 'deleted', 'all']).default('active'),
  })
  .strict();
export type ListOrgUnitsQuery = z.infer<typeof listOrgUnitsQuerySchema>;
export const orgUnitListSchema = listResultSchema(orgUnitSchema);
export const orgUnitSortFields = ['name', 'kind', 'createdAt', 'depth'] as const;

export const createOrgUnitInputSchema = z
  .object({
    parentId: z.uuid({ message: '请选择上级组织' }),
    kind: orgKindSchema,
    name: nameSchema,
    code: codeSchema.optional(),
    foundedOn: dateSchema.optional(),
  })
  .strict();
export type CreateOrgUnitInput = z.infer<typeof createOrgUnitInputSchema>;

export const updateOrgUnitInputSchema = z
  .object({
    name: nameSchema.optional(),
    code: codeSchema.nullable().optional(),
    foundedOn: dateSchema.nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateOrgUnitInput = z.infer<typeof updateOrgUnitInputSchema>;

export const moveOrgUnitInputSchema = z.object({ newParentId: z.uuid(), version: versionSchema }).strict();
export type MoveOrgUnitInput = z.infer<typeof moveOrgUnitInputSchema>;

export const dissolveOrgUnitInputSchema = z
  .object({ dissolvedOn: dateSchema, version: versionSchema })
  .strict();
export type DissolveOrgUnitInput = z.infer<typeof dissolveOrgUnitInputSchema>;

export const versionInputSchema = z.object({ version: versionSchema }).strict();
export type VersionInput = z.infer<typeof versionInputSchema>;
