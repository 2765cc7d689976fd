import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ErrorDetail } from '../../../contracts/common/errors';
import type {
  CreateCreditGoodInput,
  CreateRedemptionInput,
  CreateStocktakeInput,
  CreditGood,
  CreditRedemption,
  ListCreditGoodsQuery,
  ListRedemptionsQuery,
  ListStockMovesQuery,
  StockInInput,
  Stocktake,
  UpdateCreditGoodInput,
} from '../../../contracts/credits';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { creditTransactionRecord, householdAccount, moveBalance } from './credits.service';
import {
  creditGoods,
  creditRedemptions,
  creditStockMoves,
  creditStocktakes,
  creditTransactions,
} from './credits.table';
import {
  findGood,
  findRedemption,
  findStocktake,
  findStore,
  listGoodRows,
  listRedemptionRows,
  listStockMoveRows,
  listStocktakeRows,
  listStoreRows,
} from './store.repository';

const storeMissing = () => notFound('信用超市');

export const listCreditStores = async (ctx: ServiceContext, orgUnitId?: string) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'credits.read', orgUnitId);
  return { items: await listStoreRows(ctx.db, scopePath) };
};

// Goods (兑换物品)

export const creditGoodRecord = defineRecord({
  entityType: 'creditGood',
  table: creditGoods,
  label: '兑换物品',
  auditModule: 'credits',
  permissions: { read: 'credits.read', write: 'credits.store' },
  find: (db, ctx, scopePath, id) => findGood(db, scopePath === '/' ? '/' : ctx.actor.orgPath, id),
  describe: (g: CreditGood) => `${g.storeName} ${g.name}`,
  onWriteError: (e) => {
    if (isUniqueViolation(e, 'credit_goods_store_name_uq'))
      throw new AppError('DUPLICATE', '本超市已有同名物品，请直接入库或修改名称');
  },
});

export const listCreditGoods = async (ctx: ServiceContext, q: ListCreditGoodsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'credits.read', q.orgUnitId);
  return listGoodRows(ctx.db, scopePath, q);
};

export const getCreditGood = (ctx: ServiceContext, id: string) => creditGoodRecord.get(ctx, id);

export const createCreditGood = (ctx: ServiceContext, input: CreateCreditGoodInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'credits.store');
    const store = await findStore(tx, ctx.actor.orgPath, input.storeId);
    if (!store) throw storeMissing();
    const id = input.id ?? uuidv7();
    const existing = await findGood(tx, '/', id);
    if (existing) {
      if (existing.storeId === input.storeId && existing.name === input.name)
        return { good: existing, isReplay: true };
      throw new AppError('CONFLICT', '该物品编号已被使用，请刷新后重新填写');
    }
    const good = await creditGoodRecord.create(tx, ctx, { id, orgPath: store.org_path }, () =>
      tx.insert(creditGoods).values({
        id,
        storeId: store.id,
        orgUnitId: store.org_unit_id,
        orgPath: store.org_path,
        name: input.name,
        unit: input.unit,
        pointsPrice: input.pointsPrice,
        unitValueFen: input.unitValueFen ?? null,
        photoId: input.photoId ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
    return { good, isReplay: false };
  });

export const updateCreditGood = (ctx: ServiceContext, id: string, input: UpdateCreditGoodInput) =>
  creditGoodRecord.update(ctx, id, input.version, async (tx) => {
    const { version: _v, ...set } = input;
    await creditGoodRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteCreditGood = (ctx: ServiceContext, id: string, version: number) =>
  creditGoodRecord.softDelete(ctx, id, version, async (_tx, row) => {
    if (row.stock > 0)
      throw new AppError('CONFLICT', `该物品还有库存${row.stock}${row.unit}，请先盘点或兑换完再删除`);
  });

export const restoreCreditGood = (ctx: ServiceContext, id: string, version: number) =>
  creditGoodRecord.restore(ctx, id, version);

/** The good FOR UPDATE in the caller's subtree (live), 404 otherwise. */
const lockGood = async (tx: Tx, ctx: ServiceContext, id: string) => {
  const [row] = await tx
    .select()
    .from(creditGoods)
    .where(and(eq(creditGoods.id, id), scoped(creditGoods.orgPath, ctx.actor.orgPath)))
    .for('update');
  if (!row || row.deletedAt) throw notFound('兑换物品');
  return row;
};

/** 入库: donated (donor and value) or bought goods onto the shelf. A retry with the same id is a no-op. */
export const stockIn = (ctx: ServiceContext, input: StockInInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'credits.store');
    if (input.occurredOn > shanghaiToday()) throw invalid('occurredOn', '入库日期不能晚于今天');
    const good = await lockGood(tx, ctx, input.goodId);
    const id = input.id ?? uuidv7();
    if (input.id) {
      const [prior] = await tx.select().from(creditStockMoves).where(eq(creditStockMoves.id, input.id));
      if (prior) {
        if (prior.goodId !== good.id || prior.quantity !== input.quantity)
          throw new AppError('CONFLICT', '入库单编号已被使用，请刷新后重新填写');
        return { good: await creditGoodRecord.image(tx, ctx, good.id), isReplay: true };
      }
    }
    const before = await creditGoodRecord.image(tx, ctx, good.id);
    await tx.insert(creditStockMoves).values({
      id,
      goodId: good.id,
      storeId: good.storeId,
      orgUnitId: good.orgUnitId,
      orgPath: good.orgPath,
      kind: input.source,
      quantity: input.quantity,
      donor: input.donor ?? null,
      valueFen: input.valueFen ?? null,
      reason: input.note ?? null,
      occurredOn: input.occurredOn,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    await creditGoodRecord.write(tx, good.id, {
      stock: sql`${creditGoods.stock} + ${input.quantity}` as never,
      updatedBy: ctx.actor.userId,
    });
    const after = await creditGoodRecord.image(tx, ctx, good.id);
    await creditGoodRecord.audit(tx, ctx, 'stockIn', before, after, good.orgPath, {
      after: { source: input.source, quantity: input.quantity, donor: input.donor, valueFen: input.valueFen },
    });
    return { good: after, isReplay: false };
  });

export const listStockMoves = async (ctx: ServiceContext, q: ListStockMovesQuery) => {
  requirePermission(ctx.actor, 'credits.read');
  if (q.storeId && !(await findStore(ctx.db, ctx.actor.orgPath, q.storeId))) throw storeMissing();
  return listStockMoveRows(ctx.db, ctx.actor.orgPath, q);
};

// Redemptions (积分兑换) at the counter

export const creditRedemptionRecord = defineRecord({
  entityType: 'creditRedemption',
  table: creditRedemptions,
  label: '兑换单',
  auditModule: 'credits',
  permissions: { read: 'credits.read', write: 'credits.store' },
  find: (db, ctx, scopePath, id) => findRedemption(db, scopePath === '/' ? '/' : ctx.actor.orgPath, id),
  describe: (d: CreditRedemption) => `${d.householdLabel} 兑换${d.totalPoints}分`,
});

export const listCreditRedemptions = async (ctx: ServiceContext, q: ListRedemptionsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'credits.read', q.orgUnitId);
  return listRedemptionRows(ctx.db, scopePath, q);
};

export const getCreditRedemption = (ctx: ServiceContext, id: string) => creditRedemptionRecord.get(ctx, id);

const ID_TAKEN = '兑换单编号已被使用，请刷新后重新兑换';

/**
 * A basket redeemed at the counter in one transaction: the household's account is locked, the
 * balance taken down only while it stays at or above zero, then every good's stock likewise (last,
 * so the row lock of a good every basket holds is kept only to the commit); any shortfall is a 409
 * with nothing written. The counter's client id makes a retry return the same
 * redemption (200), never a second one.
 */
export const createRedemption = (ctx: ServiceContext, input: CreateRedemptionInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'credits.store');
    const replay = async () => {
      const [prior] = await tx.select().from(creditRedemptions).where(eq(creditRedemptions.id, input.id));
      if (!prior) return undefined;
      if (prior.householdId !== input.householdId || prior.storeId !== input.storeId)
        throw new AppError('CONFLICT', ID_TAKEN);
      return { redemption: await creditRedemptionRecord.image(tx, ctx, prior.id), isReplay: true };
    };
    const early = await replay();
    if (early) return early;
    const store = await findStore(tx, ctx.actor.orgPath, input.storeId);
    if (!store) throw storeMissing();
    const { household, account } = await householdAccount(tx, ctx, input.householdId);
    if (!household.org_path.startsWith(store.org_path))
      throw new AppError('CONFLICT', `${household.address}不在${store.name}的服务范围内`);
    // Two retries racing: the second waited on the account lock and now finds the first's row.
    const raced = await replay();
    if (raced) return raced;

    const quantities = new Map<string, number>();
    for (const l of input.lines) quantities.set(l.goodId, (quantities.get(l.goodId) ?? 0) + l.quantity);
    const goodIds = [...quantities.keys()].sort();
    const goods = await tx
      .select()
      .from(creditGoods)
      .where(and(inArray(creditGoods.id, goodIds), eq(creditGoods.storeId, store.id)));
    const byId = new Map(goods.filter((g) => !g.deletedAt).map((g) => [g.id, g]));
    const details: ErrorDetail[] = [];
    for (const [n, l] of input.lines.entries())
      if (!byId.has(l.goodId))
        details.push({ field: `lines.${n}.goodId`, message: `第${n + 1}项：物品不存在或不属于本超市` });
    if (details.length) throw new AppError('NOT_FOUND', details[0].message, details);

    const lines = goodIds.map((id) => {
      const g = byId.get(id) as (typeof goods)[number];
      const quantity = quantities.get(id) as number;
      return {
        goodId: id,
        name: g.name,
        unit: g.unit,
        quantity,
        pointsPrice: g.pointsPrice,
        points: g.pointsPrice * quantity,
      };
    });
    const total = lines.reduce((s, l) => s + l.points, 0);
    const balanceAfter = await moveBalance(
      tx,
      account.id,
      -total,
      (b) => `积分余额不足：该户现有${b}分，本次兑换需${total}分`,
    );
    const today = shanghaiToday();
    const transactionId = uuidv7();
    await tx.insert(creditTransactions).values({
      id: transactionId,
      accountId: account.id,
      householdId: household.id,
      orgUnitId: household.org_unit_id,
      orgPath: household.org_path,
      kind: 'redemption',
      status: 'confirmed',
      points: -total,
      reason: lines.map((l) => `${l.name}×${l.quantity}`).join('、'),
      occurredOn: today,
      redemptionId: input.id,
      balanceAfter,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    try {
      await tx.insert(creditRedemptions).values({
        id: input.id,
        storeId: store.id,
        accountId: account.id,
        householdId: household.id,
        orgUnitId: store.org_unit_id,
        orgPath: store.org_path,
        lines,
        totalPoints: total,
        balanceAfter,
        transactionId,
        redeemedOn: today,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
    } catch (e) {
      if (isUniqueViolation(e, 'credit_redemptions_pkey')) throw new AppError('CONFLICT', ID_TAKEN);
      throw e;
    }
    await tx.insert(creditStockMoves).values(
      lines.map((l) => ({
        id: uuidv7(),
        goodId: l.goodId,
        storeId: store.id,
        orgUnitId: store.org_unit_id,
        orgPath: store.org_path,
        kind: 'redeemed',
        quantity: -l.quantity,
        occurredOn: today,
        redemptionId: input.id,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      })),
    );
    const redemption = await creditRedemptionRecord.image(tx, ctx, input.id);
    await creditRedemptionRecord.audit(tx, ctx, 'redeem', null, redemption, store.org_path);
    const entry = await creditTransactionRecord.image(tx, ctx, transactionId);
    await creditTransactionRecord.audit(tx, ctx, 'redeem', null, entry, household.org_path);
    // The stock last: a store's popular good is every basket's row lock, held only to the commit.
    for (const l of lines) {
      const taken = await tx
        .update(creditGoods)
        .set({ stock: sql`${creditGoods.stock} - ${l.quantity}`, updatedAt: sql`now()` })
        .where(and(eq(creditGoods.id, l.goodId), sql`${creditGoods.stock} >= ${l.quantity}`))
        .returning({ stock: creditGoods.stock });
      if (taken.length === 0) {
        const [g] = await tx
          .select({ stock: creditGoods.stock })
          .from(creditGoods)
          .where(eq(creditGoods.id, l.goodId));
        throw new AppError(
          'CONFLICT',
          `库存不足：${l.name}仅剩${g?.stock ?? 0}${l.unit}，本次要兑换${l.quantity}${l.unit}`,
        );
      }
    }
    return { redemption, isReplay: false };
  });

// Stocktakes (盘点)

export const creditStocktakeRecord = defineRecord({
  entityType: 'creditStocktake',
  table: creditStocktakes,
  label: '盘点记录',
  auditModule: 'credits',
  permissions: { read: 'credits.read', write: 'credits.store' },
  find: (db, ctx, scopePath, id) => findStocktake(db, scopePath === '/' ? '/' : ctx.actor.orgPath, id),
  describe: (k: Stocktake) => `${k.storeName} ${k.countedOn}盘点`,
});

export const listStocktakes = async (
  ctx: ServiceContext,
  q: { storeId?: string; page: number; pageSize: number },
) => {
  requirePermission(ctx.actor, 'credits.read');
  if (q.storeId && !(await findStore(ctx.db, ctx.actor.orgPath, q.storeId))) throw storeMissing();
  return listStocktakeRows(ctx.db, ctx.actor.orgPath, q);
};

/**
 * 盘点: the counted quantity of each good; a difference must give its reason, is recorded as a
 * stock move, and the stock is set to what was counted.
 */
export const createStocktake = (ctx: ServiceContext, input: CreateStocktakeInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'credits.store');
    if (input.countedOn > shanghaiToday()) throw invalid('countedOn', '盘点日期不能晚于今天');
    const store = await findStore(tx, ctx.actor.orgPath, input.storeId);
    if (!store) throw storeMissing();
    const id = input.id ?? uuidv7();
    const prior = await findStocktake(tx, '/', id);
    if (prior) {
      if (prior.storeId !== store.id) throw new AppError('CONFLICT', '盘点单编号已被使用，请刷新后重新填写');
      return { stocktake: prior, isReplay: true };
    }
    const ids = [...new Set(input.lines.map((l) => l.goodId))].sort();
    if (ids.length !== input.lines.length) throw invalid('lines', '同一物品在盘点单中出现了两次');
    const goods = await tx
      .select()
      .from(creditGoods)
      .where(and(inArray(creditGoods.id, ids), eq(creditGoods.storeId, store.id)))
      .orderBy(creditGoods.id)
      .for('update');
    const byId = new Map(goods.filter((g) => !g.deletedAt).map((g) => [g.id, g]));
    const details: ErrorDetail[] = [];
    const lines = input.lines.map((l, n) => {
      const g = byId.get(l.goodId);
      if (!g) {
        details.push({ field: `lines.${n}.goodId`, message: `第${n + 1}项：物品不存在或不属于本超市` });
        return undefined;
      }
      const difference = l.counted - g.stock;
      if (difference !== 0 && !l.reason)
        details.push({
          field: `lines.${n}.reason`,
          message: `第${n + 1}项：${g.name}账面${g.stock}${g.unit}、实盘${l.counted}${g.unit}，请说明差异原因`,
        });
      return {
        goodId: g.id,
        name: g.name,
        expected: g.stock,
        counted: l.counted,
        difference,
        reason: l.reason ?? null,
      };
    });
    if (details.length) throw new AppError('VALIDATION_FAILED', details[0].message, details);
    const counted = lines.filter((l): l is NonNullable<typeof l> => !!l);
    await tx.insert(creditStocktakes).values({
      id,
      storeId: store.id,
      orgUnitId: store.org_unit_id,
      orgPath: store.org_path,
      countedOn: input.countedOn,
      lines: counted,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    for (const l of counted) {
      if (l.difference === 0) continue;
      await tx
        .update(creditGoods)
        .set({ stock: l.counted, version: sql`${creditGoods.version} + 1`, updatedAt: sql`now()` })
        .where(eq(creditGoods.id, l.goodId));
      await tx.insert(creditStockMoves).values({
        id: uuidv7(),
        goodId: l.goodId,
        storeId: store.id,
        orgUnitId: store.org_unit_id,
        orgPath: store.org_path,
        kind: 'stocktake',
        quantity: l.difference,
        reason: l.reason,
        occurredOn: input.countedOn,
        stocktakeId: id,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
    }
    const stocktake = await creditStocktakeRecord.image(tx, ctx, id);
    await creditStocktakeRecord.audit(tx, ctx, 'stocktake', null, stocktake, store.org_path);
    return { stocktake, isReplay: false };
  });
