import { z } from 'zod';
import { levelOf, type OrgKind, type OrgLevel, orgKinds } from '../org';

/**
 * Every permission the system knows, `module.action`. Roles are bundles of these; what a session
 * holds is its role's bundle cut to the level of her unit (`permissionsOf`).
 * `org.write` is a unit's own org ledgers (grids, sites, women's groups, elections); `org.manage`
 * is the org tree itself and the dictionaries shared down it (activity types, tag options).
 */
export const permissions = [
  'org.read',
  'org.write',
  'org.manage',
  'users.read',
  'users.write',
  'audit.read',
  'audit.export',
  'system.manage',
  'people.read',
  'people.write',
  'people.import',
  'people.export',
  'people.viewSensitive',
  'activities.read',
  'activities.write',
  'activities.import',
  'activities.export',
  'courtyards.read',
  'courtyards.write',
  'courtyards.import',
  'courtyards.export',
  'courtyards.manage',
  'reports.read',
  'reports.write',
  'credits.read',
  'credits.write',
  'credits.manage',
  'credits.store',
  'credits.import',
  'credits.export',
  'screenings.read',
  'screenings.write',
  'screenings.import',
  'screenings.export',
  'honours.read',
  'honours.write',
  'honours.import',
  'honours.export',
  'donations.read',
  'donations.write',
  'donations.approve',
  'donations.import',
  'donations.export',
  'cancerAid.read',
  'cancerAid.write',
  'cancerAid.review',
  'care.read',
  'care.write',
  'care.export',
  'care.officer',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = [
  'sysAdmin',
  'federationAdmin',
  'cadre',
  'executiveMember',
  'viewer',
  'storeKeeper',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const rolePermissions: Record<Role, readonly Permission[]> = {
  sysAdmin: permissions,
  federationAdmin: [
    'org.read',
    'org.write',
    'org.manage',
    'users.read',
    'users.write',
    'audit.read',
    'audit.export',
    'people.read',
    'people.write',
    'people.import',
    'people.export',
    'people.viewSensitive',
    'activities.read',
    'activities.write',
    'activities.import',
    'activities.export',
    'courtyards.read',
    'courtyards.write',
    'courtyards.import',
    'courtyards.export',
    'courtyards.manage',
    'reports.read',
    'reports.write',
    'credits.read',
    'credits.write',
    'credits.manage',
    'credits.store',
    'credits.import',
    'credits.export',
    'screenings.read',
    'screenings.write',
    'screenings.import',
    'screenings.export',
    'honours.read',
    'honours.write',
    'honours.import',
    'honours.export',
    'donations.read',
    'donations.write',
    'donations.approve',
    'donations.import',
    'donations.export',
    'cancerAid.read',
    'cancerAid.write',
    'cancerAid.review',
    'care.read',
    'care.write',
    'care.export',
    'care.officer',
  ],
  cadre: [
    'org.read',
    'users.read',
    'people.read',
    'people.write',
    'people.import',
    'people.export',
    'activities.read',
    'activities.write',
    'activities.import',
    'activities.export',
    'courtyards.read',
    'courtyards.write',
    'courtyards.import',
    'courtyards.export',
    'reports.read',
    'reports.write',
    'credits.read',
    'credits.write',
    'credits.store',
    'credits.import',
    'credits.export',
    'screenings.read',
    'screenings.write',
    'screenings.import',
    'screenings.export',
    'honours.read',
    'honours.write',
    'honours.import',
    'honours.export',
    'donations.read',
    'donations.write',
    'donations.approve',
    'donations.import',
    'donations.export',
    'cancerAid.read',
    'cancerAid.write',
    'cancerAid.review',
    'care.read',
    'care.write',
    'care.export',
  ],
  executiveMember: [
    'org.read',
    'people.read',
    'people.write',
    'activities.read',
    'activities.write',
    'courtyards.read',
    'courtyards.write',
    'reports.read',
    'reports.write',
    'credits.read',
    'credits.write',
    'screenings.read',
    'screenings.write',
    'honours.read',
    'honours.write',
    'donations.read',
    'care.read',
    'care.write',
  ],
  viewer: [
    'org.read',
    'people.read',
    'activities.read',
    'courtyards.read',
    'reports.read',
    'credits.read',
    'screenings.read',
    'honours.read',
    'donations.read',
  ],
  /** 信用超市管理员: the store's counter and stock of her unit, and the accounts she redeems against. */
  storeKeeper: ['org.read', 'credits.read', 'credits.store'],
};

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  sysAdmin: { zh: '系统管理员', en: 'System admin' },
  federationAdmin: { zh: '妇联管理员', en: 'Federation admin' },
  cadre: { zh: '妇联干部', en: 'Cadre' },
  executiveMember: { zh: '执委', en: 'Executive member' },
  viewer: { zh: '只读用户', en: 'Viewer' },
  storeKeeper: { zh: '信用超市管理员', en: 'Store keeper' },
};

/**
 * What a unit of each kind may never hold, whatever the role: a grassroots unit has no units
 * under it, so it neither manages the org tree and shared dictionaries, nor accounts and the audit
 * log, nor the courtyard scheme (rubrics, 验收小组, 挂牌摘牌, reviews) that a town runs for its villages.
 */
const grassrootsWithheld: readonly Permission[] = [
  'org.manage',
  'users.read',
  'users.write',
  'audit.read',
  'audit.export',
  'system.manage',
  'courtyards.manage',
  'credits.manage',
  'donations.approve',
  'cancerAid.review',
  'care.officer',
];

/** By level (see `levelOf`): a banner (旗) as a county, a 苏木 as a town, a 嘎查 as a village. */
const withheldAt: Record<OrgLevel, readonly Permission[]> = {
  county: [],
  town: ['system.manage'],
  village: grassrootsWithheld,
  other: grassrootsWithheld,
};

export const levelWithheld: Record<OrgKind, readonly Permission[]> = Object.fromEntries(
  orgKinds.map((k) => [k, withheldAt[levelOf(k)]]),
) as Record<OrgKind, readonly Permission[]>;

/**
 * The one declaration of what a session may do: her role's permissions minus those her unit's
 * level withholds. The server's actor, the web's menu and buttons and the CLI all read this.
 */
export const permissionsOf = (role: Role, unitKind: OrgKind): Permission[] => {
  const withheld = levelWithheld[unitKind] ?? [];
  return (rolePermissions[role] ?? []).filter((p) => !withheld.includes(p));
};

export const hasPermission = (role: Role, permission: Permission, unitKind?: OrgKind): boolean =>
  (unitKind ? permissionsOf(role, unitKind) : rolePermissions[role]).includes(permission);

/**
 * Whether someone of role `granter`, holding `held` (her role cut to her level), may grant `role`
 * to an account at a unit of `targetKind`: never a larger role than hers (a town admin opens no
 * system-admin account, even though a town would cut that role down), and never a permission
 * that account would hold there which she does not hold herself.
 */
export const coversRole = (
  granter: Role,
  held: Iterable<Permission>,
  role: Role,
  targetKind?: OrgKind,
): boolean => {
  const mine = new Set(held);
  return (
    rolePermissions[role].every((p) => rolePermissions[granter].includes(p)) &&
    (targetKind ? permissionsOf(role, targetKind) : rolePermissions[role]).every((p) => mine.has(p))
  );
};

/**
 * A user may grant a role only if every permission of that role is one she holds herself. With
 * unit kinds, both sides are also cut to their level: a town admin may make a village
 * federationAdmin; a village admin grants nothing she does not hold at her level.
 */
export const canGrantRole = (
  granter: Role,
  role: Role,
  levels?: { granterKind: OrgKind; targetKind?: OrgKind },
): boolean =>
  coversRole(
    granter,
    levels ? permissionsOf(granter, levels.granterKind) : rolePermissions[granter],
    role,
    levels?.targetKind,
  );

/** What each permission lets one do: the verb phrase a refusal names (不能… / …由上级妇联负责). */
export const permissionLabels: Record<Permission, { zh: string; en: string }> = {
  'org.read': { zh: '查看组织', en: 'view the organization' },
  'org.write': {
    zh: '登记本单位的网格、阵地、妇女小组和换届',
    en: "record the unit's grids, sites, groups and elections",
  },
  'org.manage': {
    zh: '新增、修改、移动或撤销组织，设置全县共用的类别',
    en: 'create, change, move or dissolve units and set shared lists',
  },
  'users.read': { zh: '查看用户', en: 'view users' },
  'users.write': { zh: '新增或管理用户', en: 'create or manage users' },
  'audit.read': { zh: '查看操作日志', en: 'view the audit log' },
  'audit.export': { zh: '导出操作日志', en: 'export the audit log' },
  'system.manage': { zh: '管理系统', en: 'administer the system' },
  'people.read': { zh: '查看人员台账', en: 'view people' },
  'people.write': { zh: '登记或修改人员台账', en: 'record people' },
  'people.import': { zh: '导入人员台账', en: 'import people' },
  'people.export': { zh: '导出人员台账', en: 'export people' },
  'people.viewSensitive': { zh: '查看完整身份证号和电话', en: 'view full ID numbers and phones' },
  'activities.read': { zh: '查看活动台账', en: 'view activities' },
  'activities.write': { zh: '登记或修改活动', en: 'record activities' },
  'activities.import': { zh: '导入活动台账', en: 'import activities' },
  'activities.export': { zh: '导出活动台账', en: 'export activities' },
  'courtyards.read': { zh: '查看美丽庭院', en: 'view courtyards' },
  'courtyards.write': { zh: '入户评分和登记整改', en: 'score households and record rectifications' },
  'courtyards.import': { zh: '导入美丽庭院台账', en: 'import courtyard records' },
  'courtyards.export': { zh: '导出美丽庭院台账', en: 'export courtyard records' },
  'screenings.read': { zh: '查看两癌筛查', en: 'view cancer screenings' },
  'screenings.write': { zh: '登记两癌筛查', en: 'record cancer screenings' },
  'screenings.import': { zh: '导入两癌筛查台账', en: 'import cancer screenings' },
  'screenings.export': { zh: '导出两癌筛查台账', en: 'export cancer screenings' },
  'courtyards.manage': {
    zh: '制定评分细则、安排验收小组、评比挂牌和评定特色庭院',
    en: 'set rubrics, inspection groups, reviews and featured courtyards',
  },
  'reports.read': { zh: '查看统计报表', en: 'view reports' },
  'reports.write': { zh: '制定报表或撰写工作总结', en: 'define reports or write summaries' },
  'credits.read': { zh: '查看信用积分和信用超市', en: 'view credit points and stores' },
  'credits.write': { zh: '登记加分、扣分和确认扣分', en: 'award, deduct and confirm points' },
  'credits.manage': { zh: '制定积分细则', en: 'set the credit rules' },
  'credits.store': { zh: '办理积分兑换和物品出入库', en: 'run redemptions and stock' },
  'credits.import': { zh: '导入积分台账', en: 'import credit records' },
  'credits.export': { zh: '导出积分台账', en: 'export credit records' },
  'honours.read': { zh: '查看选树典型和执委履职', en: 'view honours and executive-member duties' },
  'honours.write': { zh: '登记推荐、公示、授予和执委履职', en: 'record nominations, awards and duties' },
  'honours.import': { zh: '导入荣誉名单', en: 'import honour lists' },
  'honours.export': { zh: '导出荣誉名单', en: 'export honour lists' },
  'donations.read': { zh: '查看募捐与发放台账', en: 'view donation drives' },
  'donations.write': { zh: '登记募捐、捐赠和发放申报', en: 'record drives, donations and disbursements' },
  'donations.approve': { zh: '审核、审批和发放善款', en: 'approve and pay disbursements' },
  'donations.import': { zh: '导入捐赠和发放台账', en: 'import donations and disbursements' },
  'donations.export': { zh: '导出捐赠和发放台账', en: 'export donations and disbursements' },
  'cancerAid.read': { zh: '查看两癌救助申请', en: 'view two-cancer aid applications' },
  'cancerAid.write': { zh: '登记和申报两癌救助', en: 'file two-cancer aid applications' },
  'cancerAid.review': { zh: '审核、审批和拨付两癌救助', en: 'review, grant and pay two-cancer aid' },
  'care.read': { zh: '查看重点人群和调解案件', en: 'view key people and mediation cases' },
  'care.write': { zh: '登记风险排查和调解案件', en: 'record screenings and mediation cases' },
  'care.export': { zh: '导出重点人群和调解台账', en: 'export care ledgers' },
  'care.officer': {
    zh: '审批销号、查看维权关爱访问日志',
    en: 'approve closings and read the care access log',
  },
};

/**
 * The zh-CN reason a refused action gives: the level when her role would hold the permission at a
 * higher unit (a village chair sets no rubric: her town does), else her role.
 */
export const refusalOf = (role: Role, permission: Permission): string =>
  rolePermissions[role]?.includes(permission)
    ? `无权操作：${permissionLabels[permission].zh}由上级妇联负责，本单位不能操作`
    : `无权操作：${roleLabels[role]?.zh ?? '您的角色'}不能${permissionLabels[permission].zh}`;
