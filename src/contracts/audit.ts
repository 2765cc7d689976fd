import { z } from 'zod';
import { dateSchema, listQueryBaseSchema, listResultSchema } from './common/paging';

export const auditModules = [
  'auth',
  'org',
  'users',
  'audit',
  'system',
  'people',
  'activities',
  'reports',
  'courtyards',
  'credits',
  'screenings',
  'honours',
  'donations',
  'care',
] as const;
export const auditModuleSchema = z.enum(auditModules);
export type AuditModule = z.infer<typeof auditModuleSchema>;

export const auditModuleLabels: Record<AuditModule, { zh: string; en: string }> = {
  auth: { zh: '登录与账号安全', en: 'Sign-in & security' },
  org: { zh: '组织架构', en: 'Organization' },
  users: { zh: '用户管理', en: 'Users' },
  audit: { zh: '操作日志', en: 'Audit log' },
  system: { zh: '系统', en: 'System' },
  people: { zh: '人员与家庭', en: 'People & households' },
  activities: { zh: '活动与巡查', en: 'Activities & patrols' },
  reports: { zh: '统计报表与工作总结', en: 'Reports & summaries' },
  courtyards: { zh: '美丽庭院', en: 'Courtyards' },
  credits: { zh: '信用积分与信用超市', en: 'Credit points & stores' },
  screenings: { zh: '两癌筛查', en: 'Cancer screenings' },
  honours: { zh: '选树典型与执委履职', en: 'Honours & duties' },
  donations: { zh: '募捐救助', en: 'Donations & aid' },
  care: { zh: '维权关爱', en: 'Rights & care' },
};

export const auditActionLabels: Record<string, { zh: string; en: string }> = {
  login: { zh: '登录', en: 'Sign in' },
  loginFailed: { zh: '登录失败', en: 'Failed sign-in' },
  locked: { zh: '账号锁定', en: 'Account locked' },
  logout: { zh: '退出登录', en: 'Sign out' },
  changePassword: { zh: '修改密码', en: 'Change password' },
  changePasswordFailed: { zh: '修改密码失败', en: 'Failed password change' },
  accessDenied: { zh: '越权访问被拒绝', en: 'Access denied' },
  create: { zh: '新增', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  move: { zh: '调整上级', en: 'Move' },
  dissolve: { zh: '撤销', en: 'Dissolve' },
  delete: { zh: '删除', en: 'Delete' },
  restore: { zh: '恢复', en: 'Restore' },
  resetPassword: { zh: '重置密码', en: 'Reset password' },
  disable: { zh: '停用', en: 'Disable' },
  enable: { zh: '启用', en: 'Enable' },
  export: { zh: '导出', en: 'Export' },
  read: { zh: '查阅', en: 'Read' },
  import: { zh: '导入', en: 'Import' },
  viewSensitive: { zh: '查看敏感信息', en: 'View sensitive data' },
  seedDemo: { zh: '加载演示数据', en: 'Load demo data' },
  assignHouseholds: { zh: '划分网格户', en: 'Assign households' },
  regenerate: { zh: '重新生成', en: 'Regenerate' },
  confirmReview: { zh: '评比会确认', en: 'Confirm review' },
  fix: { zh: '整改完成', en: 'Mark fixed' },
  verify: { zh: '整改验收', en: 'Verify' },
  generate: { zh: '生成分组', en: 'Generate' },
  share: { zh: '分享链接', en: 'Share link' },
  revokeShare: { zh: '撤销分享', en: 'Revoke share' },
  // `award` is shared by the credit ledger (an award or deduction) and honours (a title awarded);
  // `reject` by both and by disbursements sent back.
  award: { zh: '加分/扣分、授予', en: 'Award' },
  confirm: { zh: '确认入账', en: 'Confirm' },
  reject: { zh: '不予通过、未授予、退回', en: 'Reject' },
  reverse: { zh: '冲正', en: 'Reverse' },
  redeem: { zh: '积分兑换', en: 'Redeem' },
  stockIn: { zh: '入库', en: 'Stock in' },
  stocktake: { zh: '盘点', en: 'Stocktake' },
  open: { zh: '开户', en: 'Open' },
  publicize: { zh: '公示', en: 'Public notice' },
  townApprove: { zh: '镇审核通过', en: 'Town approve' },
  ownerApprove: { zh: '负责单位审批', en: 'Owner approve' },
  pay: { zh: '发放/拨付', en: 'Pay' },
  submit: { zh: '申报', en: 'Submit' },
  townReview: { zh: '镇初审', en: 'Town review' },
  countyReview: { zh: '县复审', en: 'County review' },
  grant: { zh: '批准救助', en: 'Grant' },
  refuse: { zh: '不予救助', en: 'Refuse' },
  attachDocument: { zh: '上传诊断材料', en: 'Attach document' },
  requestClose: { zh: '申请销号', en: 'Request closing' },
  decideClose: { zh: '销号审批', en: 'Decide closing' },
  addSession: { zh: '登记调解记录', en: 'Add session' },
  closeCase: { zh: '结案', en: 'Close case' },
  endPairing: { zh: '结束结对', en: 'End pairing' },
  reopen: { zh: '重新打开', en: 'Reopen' },
  followUp: { zh: '回访', en: 'Follow-up' },
};

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  module: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  entityLabel: z.string().nullable(),
  orgUnitId: z.uuid().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListSchema = listResultSchema(auditEntrySchema);
export const auditSortFields = ['at'] as const;

export const listAuditQuerySchema = listQueryBaseSchema
  .extend({
    actorUserId: z.uuid().optional(),
    module: auditModuleSchema.optional(),
    action: z.string().max(40).optional(),
    entityId: z.string().max(64).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    orgUnitId: z.uuid().optional(),
  })
  .strict();
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

/** Record types whose change history any reader of the record may see (the detail drawers' 变更记录). */
export const historyEntityTypes = [
  'orgUnit',
  'site',
  'grid',
  'womenGroup',
  'election',
  'person',
  'household',
  'roleTerm',
  'volunteerTeam',
  'activity',
  'campaign',
  'patrol',
  'reportDefinition',
  'courtyardRubric',
  'courtyardGroup',
  'courtyardInspection',
  'courtyardRectification',
  'courtyardFeatured',
  'creditRule',
  'creditAccount',
  'creditTransaction',
  'creditGood',
  'creditRedemption',
  'creditStocktake',
  'cancerScreening',
  'nomination',
  'dutyRule',
  'dutyRecord',
  'dutyProject',
  'fundraisingDrive',
  'donation',
  'beneficiary',
  'disbursement',
  'cancerAid',
  'keyPerson',
  'riskScreening',
  'mediationCase',
  'carePairing',
  'careVisit',
] as const;
export const recordHistoryQuerySchema = z
  .object({ entityType: z.enum(historyEntityTypes), entityId: z.uuid() })
  .strict();
export const recordHistorySchema = z.object({ items: z.array(auditEntrySchema) });
