import { z } from 'zod';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

type Label = { zh: string; en: string };

/*
 * Donation drives (募捐), donations, beneficiaries and disbursements (发放), and two-cancer aid
 * applications (两癌救助). Money is an integer of fen everywhere: the API takes and answers fen,
 * screens show yuan (`formatYuan`), receipts the amount in words (`amountInWords`).
 */

// ---------------------------------------------------------------------------------------------
// Money

/** A sum of money in fen: a whole, positive number (no fractional fen, no negative amounts). */
export const fenSchema = z
  .number({ message: '请填写金额' })
  .refine((v) => v >= 0, { message: '金额不能为负数' })
  .refine((v) => Number.isInteger(v), { message: '金额最小单位为分（最多两位小数）' })
  .refine((v) => v > 0, { message: '金额必须大于零' })
  .refine((v) => v <= 100_000_000_000, { message: '金额过大（不能超过10亿元）' });

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

/** A whole number of yuan in capital numerals: 1001 → 壹仟零壹, 100010 → 壹拾万零壹拾. */
const integerWords = (n: number): string => {
  if (n === 0) return DIGITS[0];
  const digits = String(n);
  let out = '';
  let zero = false;
  let sectionHasDigit = false;
  for (let i = 0; i < digits.length; i++) {
    const pos = digits.length - 1 - i;
    const d = Number(digits[i]);
    const place = pos % 4;
    if (d === 0) {
      if (out) zero = true;
    } else {
      if (zero) out += DIGITS[0];
      zero = false;
      out += DIGITS[d] + PLACES[place];
      sectionHasDigit = true;
    }
    if (place === 0) {
      const section = Math.floor(pos / 4);
      if (section > 0 && sectionHasDigit) {
        out += SECTIONS[section];
        // A zero just before 万/亿 is carried by the section word itself (壹拾万壹仟, not 壹拾万零壹仟).
        zero = false;
      }
      sectionHasDigit = false;
    }
  }
  return out;
};

/**
 * The amount in words as a receipt writes it (人民币大写, 《支付结算办法》): 100000 fen → 壹仟元整,
 * 100100 → 壹仟零壹元整, 105 → 壹元零伍分, 50 → 伍角整, 5 → 伍分, 0 → 零元整.
 */
export const amountInWords = (fen: number): string => {
  if (!Number.isInteger(fen) || fen < 0) throw new RangeError('amount must be a whole, non-negative fen');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let out = yuan > 0 ? `${integerWords(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += DIGITS[0];
  out += cents > 0 ? `${DIGITS[cents]}分` : '整';
  return out;
};

/** Fen as yuan with two decimals and thousands separators: 123456 → 1,234.56. */
export const formatYuan = (fen: number): string => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
};

/**
 * What she typed in yuan (1,234.5 / 1234.56 / ￥100) as fen, or a zh-CN reason: never a float's
 * rounding (the digits are read as text).
 */
export const parseYuan = (input: string): { fen: number } | { error: string } => {
  const t = input
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/^[￥¥]/, '')
    .replace(/元$/, '');
  if (!t) return { error: '请填写金额' };
  if (t.startsWith('-')) return { error: '金额不能为负数' };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t);
  if (!m) return { error: '金额格式不正确，例如 1000 或 1000.50' };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { error: '金额最小单位为分（最多两位小数）' };
  const fen = Number(m[1]) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen === 0) return { error: '金额必须大于零' };
  if (!Number.isSafeInteger(fen) || fen > 100_000_000_000) return { error: '金额过大（不能超过10亿元）' };
  return { fen };
};

const ledgerMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};

const text = (max: number, message?: string) =>
  z
    .string()
    .trim()
    .min(1, { message: message ?? '请填写' })
    .max(max, { message: `不能超过${max}个字` });

// ---------------------------------------------------------------------------------------------
// Drives

export const drivePurposes = [
  'studentAid',
  'womenInDifficulty',
  'cancerAid',
  'disasterRelief',
  'other',
] as const;
export const drivePurposeLabels: Record<(typeof drivePurposes)[number], Label> = {
  studentAid: { zh: '助学（春蕾计划等）', en: 'Student aid' },
  womenInDifficulty: { zh: '困难妇女帮扶', en: 'Women in difficulty' },
  cancerAid: { zh: '两癌救助', en: 'Two-cancer aid' },
  disasterRelief: { zh: '救灾帮困', en: 'Relief' },
  other: { zh: '其他', en: 'Other' },
};
export const drivePurposeSchema = z.enum(drivePurposes, { message: '请选择募捐用途' });

export const driveSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  name: z.string(),
  purpose: drivePurposeSchema,
  description: z.string().nullable(),
  startsOn: dateSchema,
  endsOn: dateSchema,
  targetFen: z.number().int().nullable(),
  /** Money received (donations in money). */
  raisedFen: z.number().int(),
  /** Estimated value of donations in kind (not money in hand). */
  inKindFen: z.number().int(),
  /** Disbursements submitted and not refused (in approval or paid). */
  committedFen: z.number().int(),
  paidFen: z.number().int(),
  /** Money in hand not yet promised: raised − committed, never negative. */
  balanceFen: z.number().int(),
  ...ledgerMeta,
});
export type Drive = z.infer<typeof driveSchema>;
export const driveListSchema = listResultSchema(driveSchema);
export const listDrivesQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    purpose: drivePurposeSchema.optional(),
    q: z.string().trim().max(60).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListDrivesQuery = z.infer<typeof listDrivesQuerySchema>;

const driveFields = {
  orgUnitId: z.uuid({ message: '请选择负责单位' }),
  name: text(80, '请填写募捐活动名称'),
  purpose: drivePurposeSchema,
  description: z.string().trim().max(1000).optional(),
  startsOn: dateSchema,
  endsOn: dateSchema,
  targetFen: fenSchema.optional(),
};
const periodOrder = (v: { startsOn?: string; endsOn?: string }) =>
  !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
export const createDriveInputSchema = z
  .object(driveFields)
  .strict()
  .refine(periodOrder, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type CreateDriveInput = z.infer<typeof createDriveInputSchema>;
export const updateDriveInputSchema = z
  .object({
    name: driveFields.name.optional(),
    purpose: drivePurposeSchema.optional(),
    description: z.string().trim().max(1000).nullable().optional(),
    startsOn: dateSchema.optional(),
    endsOn: dateSchema.optional(),
    targetFen: fenSchema.nullable().optional(),
    version: versionSchema,
  })
  .strict()
  .refine(periodOrder, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type UpdateDriveInput = z.infer<typeof updateDriveInputSchema>;

// ---------------------------------------------------------------------------------------------
// Donations

export const donorKinds = ['person', 'organisation'] as const;
export const donorKindLabels: Record<(typeof donorKinds)[number], Label> = {
  person: { zh: '个人', en: 'Person' },
  organisation: { zh: '单位', en: 'Organisation' },
};
export const donationKinds = ['money', 'inKind'] as const;
export const donationKindLabels: Record<(typeof donationKinds)[number], Label> = {
  money: { zh: '资金', en: 'Money' },
  inKind: { zh: '物资', en: 'In kind' },
};
export const paymentMethods = ['cash', 'bankTransfer', 'wechat', 'alipay', 'other'] as const;
export const paymentMethodLabels: Record<(typeof paymentMethods)[number], Label> = {
  cash: { zh: '现金', en: 'Cash' },
  bankTransfer: { zh: '银行转账', en: 'Bank transfer' },
  wechat: { zh: '微信', en: 'WeChat' },
  alipay: { zh: '支付宝', en: 'Alipay' },
  other: { zh: '其他', en: 'Other' },
};
export const paymentMethodSchema = z.enum(paymentMethods, { message: '请选择方式' });

/** What the public sees of a donor: the name, or 爱心人士/爱心单位 when she asked to stay anonymous. */
export const publicDonorName = (d: { donorName: string; donorKind: string; isAnonymous: boolean }) =>
  d.isAnonymous ? (d.donorKind === 'organisation' ? '爱心单位' : '爱心人士') : d.donorName;

export const donationSchema = z.object({
  id: z.uuid(),
  driveId: z.uuid(),
  driveName: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  donorName: z.string(),
  donorKind: z.enum(donorKinds),
  isAnonymous: z.boolean(),
  kind: z.enum(donationKinds),
  amountFen: z.number().int().nullable(),
  method: paymentMethodSchema.nullable(),
  receivedOn: dateSchema,
  receiptNo: z.string(),
  items: z.string().nullable(),
  estimatedValueFen: z.number().int().nullable(),
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type Donation = z.infer<typeof donationSchema>;
export const donationListSchema = listResultSchema(donationSchema);
export const listDonationsQuerySchema = listQueryBaseSchema
  .extend({
    driveId: z.uuid().optional(),
    orgUnitId: z.uuid().optional(),
    kind: z.enum(donationKinds).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    q: z.string().trim().max(60).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListDonationsQuery = z.infer<typeof listDonationsQuerySchema>;

const receiptNoSchema = z
  .string()
  .trim()
  .min(1, { message: '请填写收据编号' })
  .max(40, { message: '收据编号不能超过40个字' })
  .regex(/^[0-9A-Za-z\-_/]+$/, { message: '收据编号只能包含字母、数字和 - _ /' });

export const createDonationInputSchema = z
  .object({
    id: z.uuid().optional(),
    driveId: z.uuid({ message: '请选择募捐活动' }),
    donorName: text(60, '请填写捐赠人或捐赠单位'),
    donorKind: z.enum(donorKinds, { message: '请选择个人或单位' }),
    isAnonymous: z.boolean().default(false),
    kind: z.enum(donationKinds, { message: '请选择资金或物资' }),
    amountFen: fenSchema.optional(),
    method: paymentMethodSchema.optional(),
    receivedOn: dateSchema,
    receiptNo: receiptNoSchema.optional(),
    items: z.string().trim().max(500).optional(),
    estimatedValueFen: fenSchema.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'money') {
      if (v.amountFen === undefined)
        ctx.addIssue({ code: 'custom', path: ['amountFen'], message: '请填写捐款金额' });
      if (!v.method) ctx.addIssue({ code: 'custom', path: ['method'], message: '请选择收款方式' });
    } else {
      if (!v.items) ctx.addIssue({ code: 'custom', path: ['items'], message: '请填写捐赠物资' });
      if (v.estimatedValueFen === undefined)
        ctx.addIssue({ code: 'custom', path: ['estimatedValueFen'], message: '请填写物资估值' });
    }
  });
export type CreateDonationInput = z.infer<typeof createDonationInputSchema>;
/** Money already counted in a drive is not edited: a wrong donation is deleted and entered again. */
export const updateDonationInputSchema = z
  .object({
    donorName: text(60, '请填写捐赠人或捐赠单位').optional(),
    donorKind: z.enum(donorKinds).optional(),
    isAnonymous: z.boolean().optional(),
    items: z.string().trim().max(500).nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateDonationInput = z.infer<typeof updateDonationInputSchema>;

/** 捐赠收据: printable, with the amount in words. */
export const receiptSchema = z.object({
  donationId: z.uuid(),
  receiptNo: z.string(),
  driveName: z.string(),
  orgUnitName: z.string(),
  donorName: z.string(),
  kind: z.enum(donationKinds),
  amountFen: z.number().int(),
  amountYuan: z.string(),
  amountInWords: z.string(),
  method: z.string().nullable(),
  items: z.string().nullable(),
  receivedOn: dateSchema,
  issuedBy: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

// ---------------------------------------------------------------------------------------------
// Beneficiaries

export const beneficiaryKinds = ['student', 'woman', 'family', 'other'] as const;
export const beneficiaryKindLabels: Record<(typeof beneficiaryKinds)[number], Label> = {
  student: { zh: '困难学生', en: 'Student' },
  woman: { zh: '困难妇女', en: 'Woman' },
  family: { zh: '困难家庭', en: 'Family' },
  other: { zh: '其他', en: 'Other' },
};
export const beneficiaryKindSchema = z.enum(beneficiaryKinds, { message: '请选择受助对象类别' });

export const beneficiarySchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  /** Masked in lists (张*华) for a minor; in full on her own record. */
  name: z.string(),
  isMinor: z.boolean(),
  kind: beneficiaryKindSchema,
  gender: z.enum(['female', 'male']).nullable(),
  birthDate: dateSchema.nullable(),
  school: z.string().nullable(),
  grade: z.string().nullable(),
  familySituation: z.string().nullable(),
  guardianName: z.string().nullable(),
  personId: z.uuid().nullable(),
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type Beneficiary = z.infer<typeof beneficiarySchema>;
export const beneficiaryListSchema = listResultSchema(beneficiarySchema);
export const listBeneficiariesQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    kind: beneficiaryKindSchema.optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListBeneficiariesQuery = z.infer<typeof listBeneficiariesQuerySchema>;
const beneficiaryFields = {
  orgUnitId: z.uuid({ message: '请选择所在村（社区）' }),
  name: text(40, '请填写姓名'),
  kind: beneficiaryKindSchema,
  gender: z.enum(['female', 'male']).optional(),
  birthDate: dateSchema.optional(),
  school: z.string().trim().max(60).optional(),
  grade: z.string().trim().max(30).optional(),
  familySituation: z.string().trim().max(500).optional(),
  guardianName: z.string().trim().max(40).optional(),
  personId: z.uuid().optional(),
  note: z.string().trim().max(500).optional(),
};
export const createBeneficiaryInputSchema = z
  .object({ id: z.uuid().optional(), ...beneficiaryFields })
  .strict()
  .refine((v) => v.kind !== 'student' || !!v.school, { message: '学生请填写就读学校', path: ['school'] });
export type CreateBeneficiaryInput = z.infer<typeof createBeneficiaryInputSchema>;
export const updateBeneficiaryInputSchema = z
  .object({
    name: beneficiaryFields.name.optional(),
    kind: beneficiaryKindSchema.optional(),
    gender: z.enum(['female', 'male']).nullable().optional(),
    birthDate: dateSchema.nullable().optional(),
    school: z.string().trim().max(60).nullable().optional(),
    grade: z.string().trim().max(30).nullable().optional(),
    familySituation: z.string().trim().max(500).nullable().optional(),
    guardianName: z.string().trim().max(40).nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateBeneficiaryInput = z.infer<typeof updateBeneficiaryInputSchema>;

// ---------------------------------------------------------------------------------------------
// Disbursements

export const disbursementStatuses = [
  'submitted',
  'townApproved',
  'ownerApproved',
  'paid',
  'rejected',
] as const;
export type DisbursementStatus = (typeof disbursementStatuses)[number];
export const disbursementStatusLabels: Record<DisbursementStatus, Label> = {
  submitted: { zh: '村已申报，待镇审核', en: 'Submitted, awaiting town' },
  townApproved: { zh: '镇已审核，待活动负责单位审批', en: 'Town approved, awaiting owner' },
  ownerApproved: { zh: '已审批，待发放', en: 'Approved, awaiting payment' },
  paid: { zh: '已发放', en: 'Paid' },
  rejected: { zh: '未通过', en: 'Rejected' },
};
export const disbursementActions = ['townApprove', 'ownerApprove', 'pay', 'reject'] as const;
export type DisbursementAction = (typeof disbursementActions)[number];
export const disbursementActionLabels: Record<DisbursementAction | 'submit', Label> = {
  submit: { zh: '村申报', en: 'Submit' },
  townApprove: { zh: '镇审核通过', en: 'Town approve' },
  ownerApprove: { zh: '负责单位审批通过', en: 'Owner approve' },
  pay: { zh: '发放', en: 'Pay' },
  reject: { zh: '退回不予发放', en: 'Reject' },
};
/** From which status each action may be taken: anything else is out of order. */
export const disbursementFlow: Record<DisbursementAction, DisbursementStatus[]> = {
  townApprove: ['submitted'],
  ownerApprove: ['townApproved'],
  pay: ['ownerApproved'],
  reject: ['submitted', 'townApproved', 'ownerApproved'],
};
export const disbursementNext: Record<DisbursementAction, DisbursementStatus> = {
  townApprove: 'townApproved',
  ownerApprove: 'ownerApproved',
  pay: 'paid',
  reject: 'rejected',
};

export const stepSchema = z.object({
  action: z.string(),
  on: dateSchema,
  note: z.string().nullable(),
  byName: z.string(),
  byUnit: z.string(),
  at: z.string(),
});
export type Step = z.infer<typeof stepSchema>;

export const disbursementSchema = z.object({
  id: z.uuid(),
  driveId: z.uuid(),
  driveName: z.string(),
  beneficiaryId: z.uuid(),
  /** Masked (张*华) for a minor. */
  beneficiaryName: z.string(),
  beneficiaryKind: beneficiaryKindSchema,
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  amountFen: z.number().int(),
  purpose: z.string().nullable(),
  status: z.enum(disbursementStatuses),
  submittedOn: dateSchema,
  paidOn: dateSchema.nullable(),
  paidMethod: paymentMethodSchema.nullable(),
  payer: z.string().nullable(),
  steps: z.array(stepSchema),
  ...ledgerMeta,
});
export type Disbursement = z.infer<typeof disbursementSchema>;
export const disbursementListSchema = listResultSchema(disbursementSchema);
export const listDisbursementsQuerySchema = listQueryBaseSchema
  .extend({
    driveId: z.uuid().optional(),
    orgUnitId: z.uuid().optional(),
    beneficiaryId: z.uuid().optional(),
    state: z.enum(disbursementStatuses).optional(),
    /** Only those whose next step is hers (town review for a town, approval for the drive's owner …). */
    waitingOnMe: z.enum(['0', '1']).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListDisbursementsQuery = z.infer<typeof listDisbursementsQuerySchema>;
export const exportDisbursementsQuerySchema = listDisbursementsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
export type ExportDisbursementsQuery = z.infer<typeof exportDisbursementsQuerySchema>;
export const createDisbursementInputSchema = z
  .object({
    /** The client's id: a retry with the same id and content is the same disbursement (200). */
    id: z.uuid().optional(),
    driveId: z.uuid({ message: '请选择募捐活动' }),
    beneficiaryId: z.uuid({ message: '请选择受助对象' }),
    amountFen: fenSchema,
    purpose: z.string().trim().max(200).optional(),
    submittedOn: dateSchema,
  })
  .strict();
export type CreateDisbursementInput = z.infer<typeof createDisbursementInputSchema>;
export const updateDisbursementInputSchema = z
  .object({ purpose: z.string().trim().max(200).nullable().optional(), version: versionSchema })
  .strict();
export type UpdateDisbursementInput = z.infer<typeof updateDisbursementInputSchema>;
export const disbursementStepInputSchema = z
  .object({
    action: z.enum(disbursementActions, { message: '请选择审批操作' }),
    on: dateSchema,
    note: z.string().trim().max(500).optional(),
    paidMethod: paymentMethodSchema.optional(),
    payer: z.string().trim().min(1).max(40).optional(),
    version: versionSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.action === 'reject' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '退回时请说明原因' });
    if (v.action === 'pay' && !v.paidMethod)
      ctx.addIssue({ code: 'custom', path: ['paidMethod'], message: '请选择发放方式' });
    if (v.action === 'pay' && !v.payer)
      ctx.addIssue({ code: 'custom', path: ['payer'], message: '请填写经办人' });
  });
export type DisbursementStepInput = z.infer<typeof disbursementStepInputSchema>;

// ---------------------------------------------------------------------------------------------
// Reconciliation and 公示

export const reconciliationSchema = z.object({
  driveId: z.uuid(),
  driveName: z.string(),
  orgUnitName: z.string(),
  months: z.array(
    z.object({
      month: z.string(),
      receivedFen: z.number().int(),
      donationCount: z.number().int(),
      paidFen: z.number().int(),
      paidCount: z.number().int(),
      /** Money in hand at the month's end: received − paid, cumulative. */
      cashFen: z.number().int(),
    }),
  ),
  receivedFen: z.number().int(),
  paidFen: z.number().int(),
  /** Approved or in approval, not yet paid (promised from the balance). */
  pendingFen: z.number().int(),
  /** received − paid − pending, from the records. */
  computedBalanceFen: z.number().int(),
  /** The drive's balance column. */
  balanceFen: z.number().int(),
  isBalanced: z.boolean(),
  inKindFen: z.number().int(),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

export const publicitySchema = z.object({
  driveName: z.string(),
  orgUnitName: z.string(),
  startsOn: dateSchema,
  endsOn: dateSchema,
  donations: z.array(
    z.object({
      donor: z.string(),
      kind: z.enum(donationKinds),
      amountFen: z.number().int(),
      items: z.string().nullable(),
      receivedOn: dateSchema,
    }),
  ),
  disbursements: z.array(
    z.object({
      beneficiary: z.string(),
      orgUnitName: z.string(),
      kind: beneficiaryKindSchema,
      amountFen: z.number().int(),
      paidOn: dateSchema,
    }),
  ),
  receivedFen: z.number().int(),
  paidFen: z.number().int(),
  balanceFen: z.number().int(),
});
export type Publicity = z.infer<typeof publicitySchema>;

// ---------------------------------------------------------------------------------------------
// Two-cancer aid (两癌救助)

export const cancerTypes = ['cervical', 'breast'] as const;
export const cancerTypeLabels: Record<(typeof cancerTypes)[number], Label> = {
  cervical: { zh: '宫颈癌', en: 'Cervical cancer' },
  breast: { zh: '乳腺癌', en: 'Breast cancer' },
};
export const incomeCategories = ['lowIncome', 'extremePoverty', 'atRisk', 'expenditureHardship'] as const;
export const incomeCategoryLabels: Record<(typeof incomeCategories)[number], Label> = {
  lowIncome: { zh: '低保对象', en: 'Minimum living allowance' },
  extremePoverty: { zh: '特困人员', en: 'Extreme poverty' },
  atRisk: { zh: '易返贫致贫人口', en: 'At risk of poverty' },
  expenditureHardship: { zh: '支出型困难人口', en: 'Expenditure hardship' },
};
export const aidFunds = ['lottery', 'centralSpecial', 'localSpecial', 'donations', 'other'] as const;
export const aidFundLabels: Record<(typeof aidFunds)[number], Label> = {
  lottery: { zh: '彩票公益金', en: 'Lottery welfare fund' },
  centralSpecial: { zh: '中央专项资金', en: 'Central special fund' },
  localSpecial: { zh: '地方专项资金', en: 'Local special fund' },
  donations: { zh: '社会捐赠', en: 'Donations' },
  other: { zh: '其他', en: 'Other' },
};
export const cancerAidStatuses = [
  'draft',
  'submitted',
  'townReviewed',
  'countyReviewed',
  'granted',
  'refused',
  'paid',
] as const;
export type CancerAidStatus = (typeof cancerAidStatuses)[number];
export const cancerAidStatusLabels: Record<CancerAidStatus, Label> = {
  draft: { zh: '待村申报', en: 'Draft' },
  submitted: { zh: '村已申报，待镇初审', en: 'Submitted' },
  townReviewed: { zh: '镇已初审，待县复审', en: 'Town reviewed' },
  countyReviewed: { zh: '县已复审，待审批', en: 'County reviewed' },
  granted: { zh: '已批准救助，待拨付', en: 'Granted' },
  refused: { zh: '未获救助', en: 'Refused' },
  paid: { zh: '已拨付', en: 'Paid' },
};
export const cancerAidActions = ['submit', 'townReview', 'countyReview', 'grant', 'refuse', 'pay'] as const;
export type CancerAidAction = (typeof cancerAidActions)[number];
export const cancerAidActionLabels: Record<CancerAidAction, Label> = {
  submit: { zh: '村申报', en: 'Submit' },
  townReview: { zh: '镇初审通过', en: 'Town review' },
  countyReview: { zh: '县复审通过', en: 'County review' },
  grant: { zh: '批准救助', en: 'Grant' },
  refuse: { zh: '不予救助', en: 'Refuse' },
  pay: { zh: '拨付', en: 'Pay' },
};
export const cancerAidFlow: Record<CancerAidAction, CancerAidStatus[]> = {
  submit: ['draft'],
  townReview: ['submitted'],
  countyReview: ['townReviewed'],
  grant: ['countyReviewed'],
  refuse: ['submitted', 'townReviewed', 'countyReviewed'],
  pay: ['granted'],
};
export const cancerAidNext: Record<CancerAidAction, CancerAidStatus> = {
  submit: 'submitted',
  townReview: 'townReviewed',
  countyReview: 'countyReviewed',
  grant: 'granted',
  refuse: 'refused',
  pay: 'paid',
};
/** The default age band (全国两癌筛查/救助: 35–64 周岁), by birth date at the application date. */
export const DEFAULT_AID_AGE_BAND = { min: 35, max: 64 } as const;

/** Whole years of age on a day (周岁), from ISO dates. */
export const ageOn = (birthDate: string, on: string) => {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

export const cancerAidSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  personId: z.uuid(),
  /** Masked (张*华) in lists; in full on her own record. */
  personName: z.string(),
  ageAtApplication: z.number().int().nullable(),
  appliedOn: dateSchema,
  cancerType: z.enum(cancerTypes),
  diagnosedOn: dateSchema.nullable(),
  hospital: z.string().nullable(),
  incomeCategory: z.enum(incomeCategories),
  hasDocument: z.boolean(),
  documentType: z.string().nullable(),
  status: z.enum(cancerAidStatuses),
  amountFen: z.number().int().nullable(),
  fund: z.enum(aidFunds).nullable(),
  grantedOn: dateSchema.nullable(),
  paidOn: dateSchema.nullable(),
  steps: z.array(stepSchema),
  ...ledgerMeta,
});
export type CancerAid = z.infer<typeof cancerAidSchema>;
export const cancerAidListSchema = listResultSchema(cancerAidSchema);
export const listCancerAidQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    state: z.enum(cancerAidStatuses).optional(),
    waitingOnMe: z.enum(['0', '1']).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListCancerAidQuery = z.infer<typeof listCancerAidQuerySchema>;
export const createCancerAidInputSchema = z
  .object({
    id: z.uuid().optional(),
    orgUnitId: z.uuid({ message: '请选择申报的村（社区）' }),
    personId: z.uuid({ message: '请从人员台账中选择申请人' }),
    appliedOn: dateSchema,
    cancerType: z.enum(cancerTypes, { message: '请选择病种' }),
    diagnosedOn: dateSchema.optional(),
    hospital: z.string().trim().max(80).optional(),
    incomeCategory: z.enum(incomeCategories, { message: '请选择困难类别' }),
  })
  .strict();
export type CreateCancerAidInput = z.infer<typeof createCancerAidInputSchema>;
export const updateCancerAidInputSchema = z
  .object({
    diagnosedOn: dateSchema.nullable().optional(),
    hospital: z.string().trim().max(80).nullable().optional(),
    incomeCategory: z.enum(incomeCategories).optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateCancerAidInput = z.infer<typeof updateCancerAidInputSchema>;
export const cancerAidStepInputSchema = z
  .object({
    action: z.enum(cancerAidActions, { message: '请选择操作' }),
    on: dateSchema,
    note: z.string().trim().max(500).optional(),
    amountFen: fenSchema.optional(),
    fund: z.enum(aidFunds, { message: '请选择资金来源' }).optional(),
    version: versionSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (['townReview', 'countyReview', 'grant', 'refuse'].includes(v.action) && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '请填写审核意见' });
    if (v.action === 'grant' && v.amountFen === undefined)
      ctx.addIssue({ code: 'custom', path: ['amountFen'], message: '请填写救助金额' });
    if (v.action === 'grant' && !v.fund)
      ctx.addIssue({ code: 'custom', path: ['fund'], message: '请选择资金来源' });
  });
export type CancerAidStepInput = z.infer<typeof cancerAidStepInputSchema>;
