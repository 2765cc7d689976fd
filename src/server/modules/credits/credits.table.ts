import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';

/** 积分细则: a county's or town's catalogue entry, in force from `valid_from` to `valid_to`. */
export const creditRules = pgTable(
  'credit_rules',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    item: text('item').notNull(),
    category: text('category').notNull(),
    points: integer('points').notNull(),
    isVariable: boolean('is_variable').notNull().default(false),
    isEvidenceRequired: boolean('is_evidence_required').notNull().default(false),
    capPoints: integer('cap_points'),
    capPeriod: text('cap_period'),
    needsReview: boolean('needs_review').notNull().default(false),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('credit_rules_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    check('credit_rules_points_nonzero', sql`${t.points} <> 0`),
  ],
);

/**
 * 积分账户: one per household. `balance` is the counted points, moved only together with an
 * append-only `credit_transactions` row in the same transaction, never below zero.
 */
export const creditAccounts = pgTable(
  'credit_accounts',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    balance: integer('balance').notNull().default(0),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    ...ledgerColumns(),
  },
  (t) => [
    index('credit_accounts_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('credit_accounts_household_uq').on(t.householdId),
    check('credit_accounts_balance_nonnegative', sql`${t.balance} >= 0`),
  ],
);

/**
 * 积分流水: append-only. A correction is a reversal row (`reversal_of`), never an edit; only a
 * pending entry's status moves (confirmed by a second person, or rejected).
 */
export const creditTransactions = pgTable(
  'credit_transactions',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    householdId: uuid('household_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    points: integer('points').notNull(),
    ruleId: uuid('rule_id'),
    category: text('category'),
    reason: text('reason'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    photoId: uuid('photo_id'),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    reversalOf: uuid('reversal_of'),
    redemptionId: uuid('redemption_id'),
    balanceAfter: integer('balance_after'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'string' }),
    ...ledgerColumns(),
  },
  (t) => [
    index('credit_transactions_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('credit_transactions_account_idx').on(t.accountId, t.occurredOn),
    index('credit_transactions_household_idx').on(t.householdId, t.occurredOn),
    index('credit_transactions_date_idx').on(t.occurredOn),
    uniqueIndex('credit_transactions_reversal_uq').on(t.reversalOf),
    uniqueIndex('credit_transactions_source_uq')
      .on(t.ruleId, t.sourceType, t.sourceId, t.householdId)
      .where(sql`${t.sourceId} is not null and ${t.kind} = 'award'`),
  ],
);

/** 兑换物品: a good of one store (a site of kind 信用超市), with its stock never below zero. */
export const creditGoods = pgTable(
  'credit_goods',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    pointsPrice: integer('points_price').notNull(),
    unitValueFen: integer('unit_value_fen'),
    photoId: uuid('photo_id'),
    stock: integer('stock').notNull().default(0),
    ...ledgerColumns(),
  },
  (t) => [
    index('credit_goods_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    uniqueIndex('credit_goods_store_name_uq').on(t.storeId, t.name).where(sql`${t.deletedAt} is null`),
    check('credit_goods_stock_nonnegative', sql`${t.stock} >= 0`),
    check('credit_goods_price_positive', sql`${t.pointsPrice} > 0`),
  ],
);

/** 出入库: every change of a good's stock (stock in, redemption, stocktake difference). */
export const creditStockMoves = pgTable(
  'credit_stock_moves',
  {
    id: uuid('id').primaryKey(),
    goodId: uuid('good_id').notNull(),
    storeId: uuid('store_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    kind: text('kind').notNull(),
    quantity: integer('quantity').notNull(),
    donor: text('donor'),
    valueFen: integer('value_fen'),
    reason: text('reason'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    redemptionId: uuid('redemption_id'),
    stocktakeId: uuid('stocktake_id'),
    ...ledgerColumns(),
  },
  (t) => [
    index('credit_stock_moves_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('credit_stock_moves_good_idx').on(t.goodId, t.occurredOn),
  ],
);

/** 兑换单: one basket redeemed at the counter; `id` is the counter's client id. */
export const creditRedemptions = pgTable(
  'credit_redemptions',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    accountId: uuid('account_id').notNull(),
    householdId: uuid('household_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    lines: jsonb('lines').notNull(),
    totalPoints: integer('total_points').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    transactionId: uuid('transaction_id').notNull(),
    redeemedOn: date('redeemed_on', { mode: 'string' }).notNull(),
    ...ledgerColumns(),
  },
  (t) => [
    index('credit_redemptions_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('credit_redemptions_household_idx').on(t.householdId),
  ],
);

/** 盘点: a store's count of its goods, the differences and their reasons. */
export const creditStocktakes = pgTable(
  'credit_stocktakes',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    countedOn: date('counted_on', { mode: 'string' }).notNull(),
    lines: jsonb('lines').notNull(),
    ...ledgerColumns(),
  },
  (t) => [index('credit_stocktakes_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`)],
);
