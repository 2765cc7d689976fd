import { sql } from 'drizzle-orm';
import { creditCategoryLabels } from '../../../contracts/credits';
import type { Indicator } from '../../kernel/indicators/registry';

const categoryDimension: Indicator['dimensions'] = {
  category: { label: { zh: '积分类别', en: 'Category' }, values: creditCategoryLabels },
};

/**
 * Counted points of one kind in the period, a row per entry (its points as `amount`, always
 * positive): confirmed and not reversed. `kind` 'award' for points earned, 'deduction' for the
 * negative list, 'redemption' for points spent at the store.
 */
const pointsSource =
  (kind: 'award' | 'deduction' | 'redemption'): Indicator['source'] =>
  ({ from, to }) =>
    sql`
    select t.id as record_id, h.address || coalesce(h.house_number, '') as record_label,
      t.occurred_on as record_date, t.org_path, coalesce(t.category, 'other') as category,
      abs(t.points) as amount, t.household_id as subject_id
    from credit_transactions t join households h on h.id = t.household_id
    where t.kind = ${kind} and t.status = 'confirmed'
      and t.occurred_on between ${from}::date and ${to}::date
      and not exists (select 1 from credit_transactions r where r.reversal_of = t.id)`;

/** `credits.earned{category}`: 发放积分. */
export const creditsEarnedIndicator: Indicator = {
  key: 'credits.earned',
  label: { zh: '发放积分', en: 'Points awarded' },
  unit: { zh: '分', en: 'points' },
  permission: 'credits.read',
  isFlow: true,
  measure: 'sum',
  dimensions: categoryDimension,
  source: pointsSource('award'),
};

/** `credits.deducted{category}`: 负面清单扣分 (confirmed by a second person). */
export const creditsDeductedIndicator: Indicator = {
  key: 'credits.deducted',
  label: { zh: '扣减积分', en: 'Points deducted' },
  unit: { zh: '分', en: 'points' },
  permission: 'credits.read',
  isFlow: true,
  isOccasional: true,
  measure: 'sum',
  dimensions: categoryDimension,
  source: pointsSource('deduction'),
};

/** `credits.redeemed`: points spent at the credit stores. */
export const creditsRedeemedIndicator: Indicator = {
  key: 'credits.redeemed',
  label: { zh: '兑换积分', en: 'Points redeemed' },
  unit: { zh: '分', en: 'points' },
  permission: 'credits.read',
  isFlow: true,
  measure: 'sum',
  dimensions: {},
  source: pointsSource('redemption'),
};

/** One row per redemption (basket) at a store, the household as `subject_id`. */
const redemptionSource: Indicator['source'] = ({ from, to }) => sql`
  select d.id as record_id, s.name as record_label, d.redeemed_on as record_date, d.org_path,
    d.household_id as subject_id, d.total_points as amount
  from credit_redemptions d join sites s on s.id = d.store_id
  where d.deleted_at is null and d.redeemed_on between ${from}::date and ${to}::date`;

/** `credits.redemptions`: 兑换次数. */
export const creditsRedemptionsIndicator: Indicator = {
  key: 'credits.redemptions',
  label: { zh: '积分兑换次数', en: 'Redemptions' },
  unit: { zh: '次', en: 'redemptions' },
  permission: 'credits.read',
  isFlow: true,
  measure: 'count',
  dimensions: {},
  source: redemptionSource,
};

/** `credits.households`: distinct households that redeemed in the period. */
export const creditsHouseholdsIndicator: Indicator = {
  key: 'credits.households',
  label: { zh: '参与兑换的农户', en: 'Households redeeming' },
  unit: { zh: '户', en: 'households' },
  permission: 'credits.read',
  isFlow: true,
  measure: 'distinct',
  dimensions: {},
  source: redemptionSource,
};

/** `credits.accounts`: accounts open at the period's end (a stock). */
export const creditsAccountsIndicator: Indicator = {
  key: 'credits.accounts',
  label: { zh: '积分账户', en: 'Credit accounts' },
  unit: { zh: '户', en: 'accounts' },
  permission: 'credits.read',
  measure: 'count',
  dimensions: {},
  source: ({ to }) => sql`
    select a.id as record_id, h.address || coalesce(h.house_number, '') as record_label,
      (a.opened_at at time zone 'Asia/Shanghai')::date as record_date, a.org_path
    from credit_accounts a join households h on h.id = a.household_id
    where a.deleted_at is null and (a.opened_at at time zone 'Asia/Shanghai')::date <= ${to}::date`,
};

/** `credits.stores`: 巾帼信用超市 (sites of that kind) open at the period's end. */
export const creditsStoresIndicator: Indicator = {
  key: 'credits.stores',
  label: { zh: '巾帼信用超市', en: 'Credit stores' },
  unit: { zh: '个', en: 'stores' },
  permission: 'credits.read',
  measure: 'count',
  dimensions: {},
  source: ({ to }) => sql`
    select id as record_id, name as record_label, opened_on as record_date, org_path
    from sites
    where kind = 'creditStore' and deleted_at is null and (opened_on is null or opened_on <= ${to}::date)`,
};

/**
 * `credits.stockValue`: the value of the goods on the shelves at the period's end, in yuan (the
 * stock then — today's less the moves after it — at each good's unit value).
 */
export const creditsStockValueIndicator: Indicator = {
  key: 'credits.stockValue',
  label: { zh: '库存物品价值', en: 'Stock value' },
  unit: { zh: '元', en: 'yuan' },
  permission: 'credits.read',
  measure: 'sum',
  dimensions: {},
  source: ({ to }) => sql`
    select g.id as record_id, g.name as record_label, g.created_at::date as record_date, g.org_path,
      round(greatest(g.stock - coalesce((select sum(m.quantity) from credit_stock_moves m
        where m.good_id = g.id and m.occurred_on > ${to}::date), 0), 0) * coalesce(g.unit_value_fen, 0) / 100.0)::int
        as amount
    from credit_goods g
    where g.deleted_at is null and g.created_at::date <= ${to}::date`,
};

/**
 * `credits.pending{kind}`: entries written and not yet counted at the period's end — deductions
 * awaiting a second person's confirmation, awards awaiting 评议/公示 (the to-do reads it).
 */
export const creditsPendingIndicator: Indicator = {
  key: 'credits.pending',
  label: { zh: '待确认的积分记录', en: 'Entries awaiting confirmation' },
  unit: { zh: '条', en: 'entries' },
  permission: 'credits.read',
  measure: 'count',
  dimensions: {
    kind: {
      label: { zh: '类型', en: 'Kind' },
      values: { award: { zh: '加分', en: 'Award' }, deduction: { zh: '扣分', en: 'Deduction' } },
    },
  },
  source: ({ to }) => sql`
    select t.id as record_id, h.address || coalesce(h.house_number, '') as record_label,
      t.occurred_on as record_date, t.org_path, t.kind
    from credit_transactions t join households h on h.id = t.household_id
    where t.status = 'pending' and t.occurred_on <= ${to}::date`,
};

/** `credits.stocktakes`: 盘点 done in the period, a row per stocktake (placed at its store's unit). */
export const creditsStocktakesIndicator: Indicator = {
  key: 'credits.stocktakes',
  label: { zh: '信用超市盘点', en: 'Stocktakes' },
  unit: { zh: '次', en: 'stocktakes' },
  permission: 'credits.read',
  isFlow: true,
  isOccasional: true,
  measure: 'count',
  dimensions: {},
  source: ({ from, to }) => sql`
    select k.id as record_id, s.name as record_label, k.counted_on as record_date, k.org_path
    from credit_stocktakes k join sites s on s.id = k.store_id
    where k.deleted_at is null and k.counted_on between ${from}::date and ${to}::date`,
};

export const creditIndicators: Indicator[] = [
  creditsEarnedIndicator,
  creditsDeductedIndicator,
  creditsRedeemedIndicator,
  creditsRedemptionsIndicator,
  creditsHouseholdsIndicator,
  creditsAccountsIndicator,
  creditsStoresIndicator,
  creditsStockValueIndicator,
  creditsPendingIndicator,
  creditsStocktakesIndicator,
];
