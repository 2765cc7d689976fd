import { z } from 'zod';
import { dateSchema, listQueryBaseSchema, listResultSchema, versionSchema } from './common/paging';

// 信用积分 and 巾帼信用超市: credit points per household and the village credit store.

type Label = { zh: string; en: string };

/** The rule catalogue's categories (domain research §6; the list). */
export const creditCategories = [
  'villageRules',
  'environment',
  'volunteer',
  'familyVirtue',
  'mediation',
  'negativeList',
  'other',
] as const;
export type CreditCategory = (typeof creditCategories)[number];
export const creditCategoryLabels: Record<CreditCategory, Label> = {
  villageRules: { zh: '村规民约', en: 'Village rules' },
  environment: { zh: '环境卫生/美丽庭院', en: 'Environment & courtyards' },
  volunteer: { zh: '志愿服务', en: 'Volunteer service' },
  familyVirtue: { zh: '家风家教', en: 'Family virtue' },
  mediation: { zh: '矛盾调解', en: 'Mediation' },
  negativeList: { zh: '负面清单', en: 'Negative list' },
  other: { zh: '其他', en: 'Other' },
};
export const creditCategorySchema = z.enum(creditCategories, { message: '请选择积分类别' });

/** A rule's cap is counted per calendar period of the award date. */
export const capPeriods = ['month', 'quarter', 'year'] as const;
export const capPeriodLabels: Record<(typeof capPeriods)[number], Label> = {
  month: { zh: '每月', en: 'per month' },
  quarter: { zh: '每季度', en: 'per quarter' },
  year: { zh: '每年', en: 'per year' },
};

const ledgerMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
};

const pointsSchema = z
  .number({ message: '积分须为整数' })
  .int({ message: '积分须为整数，不能有小数' })
  .min(-10000)
  .max(10000);

// Rules (积分细则)

export const creditRuleSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  item: z.string(),
  category: creditCategorySchema,
  /** Points of one award: positive earns, negative deducts (负面清单). */
  points: z.number().int(),
  /** The cadre may award fewer points than `points` (a partial mark), never more, never the other sign. */
  isVariable: z.boolean(),
  isEvidenceRequired: z.boolean(),
  capPoints: z.number().int().nullable(),
  capPeriod: z.enum(capPeriods).nullable(),
  /** Awards wait for the village's 评议 and 公示 before they count. */
  needsReview: z.boolean(),
  validFrom: dateSchema,
  validTo: dateSchema.nullable(),
  note: z.string().nullable(),
  ...ledgerMeta,
});
export type CreditRule = z.infer<typeof creditRuleSchema>;
export const creditRuleListSchema = listResultSchema(creditRuleSchema);
export const listCreditRulesQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    category: creditCategorySchema.optional(),
    /** The rules in force on that day for the unit (a village sees its town's and county's). */
    inForceOn: dateSchema.optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListCreditRulesQuery = z.infer<typeof listCreditRulesQuerySchema>;
const ruleFields = {
  orgUnitId: z.uuid({ message: '请选择制定细则的单位' }),
  item: z.string().trim().min(2, { message: '请填写积分事项' }).max(120),
  category: creditCategorySchema,
  points: pointsSchema.refine((v) => v !== 0, { message: '积分不能为0' }),
  isVariable: z.boolean().default(false),
  isEvidenceRequired: z.boolean().default(false),
  capPoints: z.number().int({ message: '上限须为整数' }).min(1).max(100000).optional(),
  capPeriod: z.enum(capPeriods).optional(),
  needsReview: z.boolean().default(false),
  validFrom: dateSchema,
  validTo: dateSchema.optional(),
  note: z.string().trim().max(500).optional(),
};
type RuleShape = {
  validFrom?: string;
  validTo?: string | null;
  capPoints?: number | null;
  capPeriod?: string | null;
};
const datesInOrder = (v: RuleShape) => !v.validTo || !v.validFrom || v.validTo >= v.validFrom;
const capComplete = (v: RuleShape) =>
  (v.capPoints === undefined && v.capPeriod === undefined) || !v.capPoints === !v.capPeriod;
const DATES_ORDER = { message: '失效日期不能早于生效日期', path: ['validTo'] };
const CAP_BOTH = { message: '积分上限和上限周期须同时填写', path: ['capPeriod'] };
export const createCreditRuleInputSchema = z
  .object({ id: z.uuid().optional(), ...ruleFields })
  .strict()
  .refine(datesInOrder, DATES_ORDER)
  .refine(capComplete, CAP_BOTH)
  .refine((v) => v.category !== 'negativeList' || v.points < 0, {
    message: '负面清单的积分须为负数（扣分）',
    path: ['points'],
  });
export type CreateCreditRuleInput = z.infer<typeof createCreditRuleInputSchema>;
export const updateCreditRuleInputSchema = z
  .object({
    item: ruleFields.item.optional(),
    category: creditCategorySchema.optional(),
    points: ruleFields.points.optional(),
    isVariable: z.boolean().optional(),
    isEvidenceRequired: z.boolean().optional(),
    capPoints: ruleFields.capPoints.nullable().optional(),
    capPeriod: z.enum(capPeriods).nullable().optional(),
    needsReview: z.boolean().optional(),
    validFrom: dateSchema.optional(),
    validTo: dateSchema.nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
    version: versionSchema,
  })
  .strict()
  .refine(datesInOrder, DATES_ORDER);
export type UpdateCreditRuleInput = z.infer<typeof updateCreditRuleInputSchema>;

// Accounts and transactions (积分账户与积分流水)

export const creditAccountSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  householdId: z.uuid(),
  address: z.string(),
  houseNumber: z.string().nullable(),
  headName: z.string().nullable(),
  /** Confirmed points now (O(1): kept on the account in the transaction that moves it). */
  balance: z.number().int(),
  /** Deductions and awards written but not yet counted (awaiting confirmation or 公示). */
  pendingPoints: z.number().int(),
  openedAt: z.string(),
  ...ledgerMeta,
});
export type CreditAccount = z.infer<typeof creditAccountSchema>;
export const creditAccountListSchema = listResultSchema(creditAccountSchema);
export const listCreditAccountsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    /** Head's name, pinyin initials, address or 门牌号. */
    q: z.string().trim().max(40).optional(),
  })
  .strict();
export type ListCreditAccountsQuery = z.infer<typeof listCreditAccountsQuerySchema>;
export const openCreditAccountInputSchema = z
  .object({ householdId: z.uuid({ message: '请选择农户' }) })
  .strict();

export const creditTxKinds = ['award', 'deduction', 'redemption', 'reversal', 'opening'] as const;
export type CreditTxKind = (typeof creditTxKinds)[number];
export const creditTxKindLabels: Record<CreditTxKind, Label> = {
  award: { zh: '加分', en: 'Award' },
  deduction: { zh: '扣分', en: 'Deduction' },
  redemption: { zh: '兑换', en: 'Redemption' },
  reversal: { zh: '冲正', en: 'Reversal' },
  opening: { zh: '期初余额', en: 'Opening balance' },
};
export const creditTxStatuses = ['pending', 'confirmed', 'rejected'] as const;
export const creditTxStatusLabels: Record<(typeof creditTxStatuses)[number], Label> = {
  pending: { zh: '待确认', en: 'Pending' },
  confirmed: { zh: '已入账', en: 'Counted' },
  rejected: { zh: '未通过', en: 'Rejected' },
};

export const creditTransactionSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  householdId: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  address: z.string(),
  houseNumber: z.string().nullable(),
  kind: z.enum(creditTxKinds),
  status: z.enum(creditTxStatuses),
  points: z.number().int(),
  ruleId: z.uuid().nullable(),
  ruleItem: z.string().nullable(),
  category: creditCategorySchema.nullable(),
  reason: z.string().nullable(),
  occurredOn: dateSchema,
  photoId: z.uuid().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.uuid().nullable(),
  reversalOf: z.uuid().nullable(),
  redemptionId: z.uuid().nullable(),
  operatorName: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** The balance right after this entry was counted (null while pending). */
  balanceAfter: z.number().int().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type CreditTransaction = z.infer<typeof creditTransactionSchema>;
export const creditTransactionListSchema = listResultSchema(creditTransactionSchema);
export const listCreditTransactionsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    kind: z.enum(creditTxKinds).optional(),
    status: z.enum(creditTxStatuses).optional(),
    category: creditCategorySchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .strict();
export type ListCreditTransactionsQuery = z.infer<typeof listCreditTransactionsQuerySchema>;

/**
 * An award or deduction under one rule to one household or a list of them (a meeting, a clean-up
 * day): all written or none. Each entry's `id` is the client's id (a retry returns the saved entries).
 */
export const createCreditAwardInputSchema = z
  .object({
    ruleId: z.uuid({ message: '请选择积分细则' }),
    occurredOn: dateSchema,
    entries: z
      .array(z.object({ id: z.uuid().optional(), householdId: z.uuid({ message: '请选择农户' }) }).strict())
      .min(1, { message: '请至少选择一户' })
      .max(500, { message: '一次最多500户' }),
    /** For a variable rule only: the points awarded (same sign, at most the rule's). */
    points: pointsSchema.optional(),
    reason: z.string().trim().max(500).optional(),
    photoId: z.uuid().optional(),
  })
  .strict();
export type CreateCreditAwardInput = z.infer<typeof createCreditAwardInputSchema>;
export const creditAwardResultSchema = z.object({
  created: z.number().int(),
  items: z.array(creditTransactionSchema),
});
export type CreditAwardResult = z.infer<typeof creditAwardResultSchema>;

export const confirmCreditTxInputSchema = z.object({ version: versionSchema }).strict();
export const rejectCreditTxInputSchema = z
  .object({
    version: versionSchema,
    reason: z.string().trim().min(2, { message: '请说明不通过的原因' }).max(500),
  })
  .strict();
export const reverseCreditTxInputSchema = z
  .object({
    id: z.uuid().optional(),
    reason: z.string().trim().min(2, { message: '请说明冲正原因' }).max(500),
  })
  .strict();
export const openingBalanceInputSchema = z
  .object({
    id: z.uuid().optional(),
    householdId: z.uuid({ message: '请选择农户' }),
    points: z
      .number()
      .int({ message: '积分须为整数' })
      .min(0, { message: '期初余额不能为负数' })
      .max(1000000),
    occurredOn: dateSchema,
    reason: z.string().trim().max(200).optional(),
  })
  .strict();
export type OpeningBalanceInput = z.infer<typeof openingBalanceInputSchema>;

// The store (巾帼信用超市): goods, stock, redemptions, stocktakes

export const creditStoreSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  goods: z.number().int(),
  stockValueFen: z.number().int(),
  lastStocktakeOn: dateSchema.nullable(),
});
export type CreditStore = z.infer<typeof creditStoreSchema>;
export const creditStoreListSchema = z.object({ items: z.array(creditStoreSchema) });

export const creditGoodSchema = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  storeName: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  name: z.string(),
  unit: z.string(),
  pointsPrice: z.number().int(),
  /** The value of one unit in fen (its market price), for the stock's value. */
  unitValueFen: z.number().int().nullable(),
  photoId: z.uuid().nullable(),
  stock: z.number().int(),
  ...ledgerMeta,
});
export type CreditGood = z.infer<typeof creditGoodSchema>;
export const creditGoodListSchema = listResultSchema(creditGoodSchema);
export const listCreditGoodsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    storeId: z.uuid().optional(),
    q: z.string().trim().max(40).optional(),
    status: z.enum(['active', 'deleted']).default('active'),
  })
  .strict();
export type ListCreditGoodsQuery = z.infer<typeof listCreditGoodsQuerySchema>;
const goodFields = {
  storeId: z.uuid({ message: '请选择信用超市' }),
  name: z.string().trim().min(1, { message: '请填写物品名称' }).max(60),
  unit: z.string().trim().min(1, { message: '请填写单位' }).max(10),
  pointsPrice: z
    .number()
    .int({ message: '兑换积分须为整数' })
    .min(1, { message: '兑换积分至少为1' })
    .max(100000),
  unitValueFen: z.number().int({ message: '金额以分计，须为整数' }).min(0).max(100000000).optional(),
  photoId: z.uuid().optional(),
};
export const createCreditGoodInputSchema = z.object({ id: z.uuid().optional(), ...goodFields }).strict();
export type CreateCreditGoodInput = z.infer<typeof createCreditGoodInputSchema>;
export const updateCreditGoodInputSchema = z
  .object({
    name: goodFields.name.optional(),
    unit: goodFields.unit.optional(),
    pointsPrice: goodFields.pointsPrice.optional(),
    unitValueFen: goodFields.unitValueFen.nullable(),
    photoId: z.uuid().nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateCreditGoodInput = z.infer<typeof updateCreditGoodInputSchema>;

export const stockInSources = ['donated', 'bought'] as const;
export const stockInSourceLabels: Record<(typeof stockInSources)[number], Label> = {
  donated: { zh: '捐赠', en: 'Donated' },
  bought: { zh: '采购', en: 'Bought' },
};
export const stockMoveKinds = ['donated', 'bought', 'redeemed', 'stocktake'] as const;
export const stockInInputSchema = z
  .object({
    id: z.uuid().optional(),
    goodId: z.uuid({ message: '请选择物品' }),
    source: z.enum(stockInSources, { message: '请选择来源（捐赠或采购）' }),
    quantity: z.number().int({ message: '数量须为整数' }).min(1, { message: '入库数量至少为1' }).max(100000),
    donor: z.string().trim().max(60).optional(),
    valueFen: z.number().int({ message: '金额以分计，须为整数' }).min(0).max(1000000000).optional(),
    occurredOn: dateSchema,
    note: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((v) => v.source !== 'donated' || !!v.donor, {
    message: '捐赠入库请填写捐赠单位或个人',
    path: ['donor'],
  });
export type StockInInput = z.infer<typeof stockInInputSchema>;
export const stockMoveSchema = z.object({
  id: z.uuid(),
  goodId: z.uuid(),
  goodName: z.string(),
  kind: z.enum(stockMoveKinds),
  quantity: z.number().int(),
  donor: z.string().nullable(),
  valueFen: z.number().int().nullable(),
  reason: z.string().nullable(),
  occurredOn: dateSchema,
  redemptionId: z.uuid().nullable(),
  stocktakeId: z.uuid().nullable(),
  operatorName: z.string().nullable(),
  createdAt: z.string(),
});
export type StockMove = z.infer<typeof stockMoveSchema>;
export const stockMoveListSchema = listResultSchema(stockMoveSchema);
export const listStockMovesQuerySchema = listQueryBaseSchema
  .extend({ storeId: z.uuid().optional(), goodId: z.uuid().optional() })
  .strict();
export type ListStockMovesQuery = z.infer<typeof listStockMovesQuerySchema>;

export const redemptionLineSchema = z.object({
  goodId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  quantity: z.number().int(),
  pointsPrice: z.number().int(),
  points: z.number().int(),
});
export const creditRedemptionSchema = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  storeName: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  accountId: z.uuid(),
  householdId: z.uuid(),
  /** The household as a receipt shows it: the head's name masked (王*英), the 门牌号. */
  householdLabel: z.string(),
  lines: z.array(redemptionLineSchema),
  totalPoints: z.number().int(),
  balanceAfter: z.number().int(),
  redeemedAt: z.string(),
  operatorName: z.string().nullable(),
  transactionId: z.uuid(),
});
export type CreditRedemption = z.infer<typeof creditRedemptionSchema>;
export const creditRedemptionListSchema = listResultSchema(creditRedemptionSchema);
export const listRedemptionsQuerySchema = listQueryBaseSchema
  .extend({
    orgUnitId: z.uuid().optional(),
    storeId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .strict();
export type ListRedemptionsQuery = z.infer<typeof listRedemptionsQuerySchema>;
export const createRedemptionInputSchema = z
  .object({
    /** The counter's client id: a retry with it returns the same redemption, never a second one. */
    id: z.uuid({ message: '缺少兑换单编号' }),
    storeId: z.uuid({ message: '请选择信用超市' }),
    householdId: z.uuid({ message: '请选择农户' }),
    lines: z
      .array(
        z
          .object({
            goodId: z.uuid({ message: '请选择物品' }),
            quantity: z
              .number()
              .int({ message: '数量须为整数' })
              .min(1, { message: '数量至少为1' })
              .max(1000),
          })
          .strict(),
      )
      .min(1, { message: '购物篮是空的' })
      .max(50),
  })
  .strict();
export type CreateRedemptionInput = z.infer<typeof createRedemptionInputSchema>;

export const stocktakeSchema = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  storeName: z.string(),
  orgUnitId: z.uuid(),
  countedOn: dateSchema,
  lines: z.array(
    z.object({
      goodId: z.uuid(),
      name: z.string(),
      expected: z.number().int(),
      counted: z.number().int(),
      difference: z.number().int(),
      reason: z.string().nullable(),
    }),
  ),
  operatorName: z.string().nullable(),
  createdAt: z.string(),
});
export type Stocktake = z.infer<typeof stocktakeSchema>;
export const stocktakeListSchema = listResultSchema(stocktakeSchema);
export const createStocktakeInputSchema = z
  .object({
    id: z.uuid().optional(),
    storeId: z.uuid({ message: '请选择信用超市' }),
    countedOn: dateSchema,
    lines: z
      .array(
        z
          .object({
            goodId: z.uuid(),
            counted: z
              .number()
              .int({ message: '盘点数量须为整数' })
              .min(0, { message: '盘点数量不能为负数' }),
            reason: z.string().trim().max(200).optional(),
          })
          .strict(),
      )
      .min(1, { message: '请至少盘点一种物品' })
      .max(500),
  })
  .strict();
export type CreateStocktakeInput = z.infer<typeof createStocktakeInputSchema>;

/** A household as the award form and the counter find it (by name, pinyin, address or 门牌号), with its balance. */
export const creditHouseholdSchema = z.object({
  householdId: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  address: z.string(),
  houseNumber: z.string().nullable(),
  headName: z.string().nullable(),
  accountId: z.uuid().nullable(),
  balance: z.number().int(),
});
export type CreditHousehold = z.infer<typeof creditHouseholdSchema>;
export const creditHouseholdListSchema = z.object({ items: z.array(creditHouseholdSchema) });
export const findCreditHouseholdsQuerySchema = z
  .object({ q: z.string().trim().max(40).optional(), orgUnitId: z.uuid().optional() })
  .strict();
export const listStocktakesQuerySchema = listQueryBaseSchema
  .extend({ storeId: z.uuid().optional() })
  .strict();
export const listCreditStoresQuerySchema = z.object({ orgUnitId: z.uuid().optional() }).strict();

/**
 * Automatic awards from another ledger, in one pass for a month: every monthly 美丽庭院 inspection
 * of the month scoring at least `minScore` earns the rule's points once (linked to the inspection);
 * an award whose inspection has since been deleted is reversed.
 */
export const autoAwardInputSchema = z
  .object({
    ruleId: z.uuid({ message: '请选择积分细则' }),
    source: z.literal('courtyardRating'),
    month: z.string().regex(/^\d{4}-\d{2}$/, { message: '月份格式应为 2026-03' }),
    minScore: z.number().min(0).max(1000).default(90),
    orgUnitId: z.uuid().optional(),
  })
  .strict();
export type AutoAwardInput = z.infer<typeof autoAwardInputSchema>;
export const autoAwardResultSchema = z.object({
  created: z.number().int(),
  reversed: z.number().int(),
  /** Reversals refused because the household has spent the points (the balance would go below zero). */
  notReversed: z.number().int(),
});
export type AutoAwardResult = z.infer<typeof autoAwardResultSchema>;
