import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  autoAwardInputSchema,
  autoAwardResultSchema,
  confirmCreditTxInputSchema,
  createCreditAwardInputSchema,
  createCreditGoodInputSchema,
  createCreditRuleInputSchema,
  createRedemptionInputSchema,
  createStocktakeInputSchema,
  creditAccountListSchema,
  creditAccountSchema,
  creditAwardResultSchema,
  creditGoodListSchema,
  creditGoodSchema,
  creditHouseholdListSchema,
  creditRedemptionListSchema,
  creditRedemptionSchema,
  creditRuleListSchema,
  creditRuleSchema,
  creditStoreListSchema,
  creditTransactionListSchema,
  creditTransactionSchema,
  findCreditHouseholdsQuerySchema,
  listCreditAccountsQuerySchema,
  listCreditGoodsQuerySchema,
  listCreditRulesQuerySchema,
  listCreditStoresQuerySchema,
  listCreditTransactionsQuerySchema,
  listRedemptionsQuerySchema,
  listStockMovesQuerySchema,
  listStocktakesQuerySchema,
  openCreditAccountInputSchema,
  openingBalanceInputSchema,
  rejectCreditTxInputSchema,
  reverseCreditTxInputSchema,
  stockInInputSchema,
  stockMoveListSchema,
  stocktakeListSchema,
  stocktakeSchema,
  updateCreditGoodInputSchema,
  updateCreditRuleInputSchema,
} from '../../../contracts/credits';
import { resolveScopePath } from '../../kernel/access/access';
import { ctxOf } from '../../kernel/http/context';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import { runAutoAwards } from './auto-awards.service';
import { findHouseholds } from './credits.repository';
import {
  confirmCreditTransaction,
  createCreditAward,
  createCreditRule,
  creditRuleRecord,
  deleteCreditRule,
  getCreditAccount,
  getCreditRule,
  getCreditTransaction,
  listCreditAccounts,
  listCreditRules,
  listCreditTransactions,
  openCreditAccount,
  recordOpeningBalance,
  rejectCreditTransaction,
  restoreCreditRule,
  reverseCreditTransaction,
  updateCreditRule,
} from './credits.service';
import {
  createCreditGood,
  createRedemption,
  createStocktake,
  creditGoodRecord,
  deleteCreditGood,
  getCreditGood,
  getCreditRedemption,
  listCreditGoods,
  listCreditRedemptions,
  listCreditStores,
  listStockMoves,
  listStocktakes,
  restoreCreditGood,
  stockIn,
  updateCreditGood,
} from './store.service';

const tags = ['credits'];
const base = '/api/v1/credits';
const read = { access: 'credits.read' as const };
const write = { access: 'credits.write' as const };
const store = { access: 'credits.store' as const };
const idParams = (name: string) => z.object({ [name]: z.uuid() }).strict();

const rulesRoutes = recordRoutes({
  base: `${base}/rules`,
  idParam: 'creditRuleId',
  tags,
  permissions: creditRuleRecord.permissions,
  schemas: {
    record: creditRuleSchema,
    list: creditRuleListSchema,
    listQuery: listCreditRulesQuerySchema,
    create: createCreditRuleInputSchema,
    update: updateCreditRuleInputSchema,
  },
  summaries: {
    list: '积分细则（inForceOn=某日：该单位当日执行的细则）',
    create: '制定积分细则（县或乡镇）',
  },
  list: listCreditRules,
  get: getCreditRule,
  create: createCreditRule,
  replays: ({ rule, isReplay }: Awaited<ReturnType<typeof createCreditRule>>) => ({ record: rule, isReplay }),
  update: updateCreditRule,
  remove: deleteCreditRule,
  restore: restoreCreditRule,
});

const goodsRoutes = recordRoutes({
  base: `${base}/goods`,
  idParam: 'creditGoodId',
  tags,
  permissions: creditGoodRecord.permissions,
  schemas: {
    record: creditGoodSchema,
    list: creditGoodListSchema,
    listQuery: listCreditGoodsQuerySchema,
    create: createCreditGoodInputSchema,
    update: updateCreditGoodInputSchema,
  },
  summaries: { list: '信用超市兑换物品', create: '新增兑换物品' },
  list: listCreditGoods,
  get: getCreditGood,
  create: createCreditGood,
  replays: ({ good, isReplay }: Awaited<ReturnType<typeof createCreditGood>>) => ({ record: good, isReplay }),
  update: updateCreditGood,
  remove: deleteCreditGood,
  restore: restoreCreditGood,
});

/** Credit points and the credit store: rules, accounts, awards, the counter, stock and stocktakes. */
export const creditsRoutes = async (fastify: FastifyInstance) => {
  await rulesRoutes(fastify);
  await goodsRoutes(fastify);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    `${base}/households`,
    {
      config: read,
      schema: {
        tags,
        summary: '按姓名、拼音、地址或门牌号查找农户（含积分余额）',
        querystring: findCreditHouseholdsQuerySchema,
        response: { 200: creditHouseholdListSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'credits.read', req.query.orgUnitId);
      return { items: await findHouseholds(ctx.db, scopePath, req.query.q) };
    },
  );

  app.get(
    `${base}/accounts`,
    {
      config: read,
      schema: {
        tags,
        summary: '积分账户',
        querystring: listCreditAccountsQuerySchema,
        response: { 200: creditAccountListSchema },
      },
    },
    (req) => listCreditAccounts(ctxOf(req), req.query),
  );
  app.get(
    `${base}/accounts/:accountId`,
    { config: read, schema: { tags, params: idParams('accountId'), response: { 200: creditAccountSchema } } },
    (req) => getCreditAccount(ctxOf(req), (req.params as { accountId: string }).accountId),
  );
  app.post(
    `${base}/accounts`,
    {
      config: write,
      schema: {
        tags,
        summary: '为农户开立积分账户（已有则返回原账户）',
        body: openCreditAccountInputSchema,
        response: { 200: creditAccountSchema, 201: creditAccountSchema },
      },
    },
    async (req, reply) => {
      const { account, isNew } = await openCreditAccount(ctxOf(req), req.body.householdId);
      return reply.status(isNew ? 201 : 200).send(account);
    },
  );

  app.get(
    `${base}/transactions`,
    {
      config: read,
      schema: {
        tags,
        summary: '积分流水',
        querystring: listCreditTransactionsQuerySchema,
        response: { 200: creditTransactionListSchema },
      },
    },
    (req) => listCreditTransactions(ctxOf(req), req.query),
  );
  app.get(
    `${base}/transactions/:transactionId`,
    {
      config: read,
      schema: { tags, params: idParams('transactionId'), response: { 200: creditTransactionSchema } },
    },
    (req) => getCreditTransaction(ctxOf(req), (req.params as { transactionId: string }).transactionId),
  );
  app.post(
    `${base}/awards`,
    {
      config: write,
      schema: {
        tags,
        summary: '按细则给一户或一批农户加分/扣分（全部成功或全部不写入；扣分待另一人确认）',
        body: createCreditAwardInputSchema,
        response: { 200: creditAwardResultSchema, 201: creditAwardResultSchema },
      },
    },
    async (req, reply) => {
      const result = await createCreditAward(ctxOf(req), req.body);
      return reply.status(result.created > 0 ? 201 : 200).send(result);
    },
  );
  app.post(
    `${base}/auto-awards`,
    {
      config: write,
      schema: {
        tags,
        summary: '按美丽庭院月度评分自动加分（每条评分只加一次；评分已删除的自动冲正）',
        body: autoAwardInputSchema,
        response: { 200: autoAwardResultSchema },
      },
    },
    (req) => runAutoAwards(ctxOf(req), req.body),
  );
  app.post(
    `${base}/transactions/:transactionId/confirm`,
    {
      config: write,
      schema: {
        tags,
        summary: '确认入账（扣分须由登记人以外的人确认；评议公示通过的加分）',
        params: idParams('transactionId'),
        body: confirmCreditTxInputSchema,
        response: { 200: creditTransactionSchema },
      },
    },
    (req) =>
      confirmCreditTransaction(
        ctxOf(req),
        (req.params as { transactionId: string }).transactionId,
        req.body.version,
      ),
  );
  app.post(
    `${base}/transactions/:transactionId/reject`,
    {
      config: write,
      schema: {
        tags,
        summary: '待确认的加分/扣分不予通过',
        params: idParams('transactionId'),
        body: rejectCreditTxInputSchema,
        response: { 200: creditTransactionSchema },
      },
    },
    (req) =>
      rejectCreditTransaction(
        ctxOf(req),
        (req.params as { transactionId: string }).transactionId,
        req.body.version,
        req.body.reason,
      ),
  );
  app.post(
    `${base}/transactions/:transactionId/reverse`,
    {
      config: write,
      schema: {
        tags,
        summary: '冲正一条已入账的记录（新增一条相反的记录，原记录不改）',
        params: idParams('transactionId'),
        body: reverseCreditTxInputSchema,
        response: { 200: creditTransactionSchema, 201: creditTransactionSchema },
      },
    },
    async (req, reply) => {
      const { entry, isReplay } = await reverseCreditTransaction(
        ctxOf(req),
        (req.params as { transactionId: string }).transactionId,
        req.body,
      );
      return reply.status(isReplay ? 200 : 201).send(entry);
    },
  );
  app.post(
    `${base}/opening-balances`,
    {
      config: write,
      schema: {
        tags,
        summary: '登记期初余额（纸质台账转入，每户一次）',
        body: openingBalanceInputSchema,
        response: { 200: creditTransactionSchema, 201: creditTransactionSchema },
      },
    },
    async (req, reply) => {
      const { entry, isReplay } = await recordOpeningBalance(ctxOf(req), req.body);
      return reply.status(isReplay ? 200 : 201).send(entry);
    },
  );

  app.get(
    `${base}/stores`,
    {
      config: read,
      schema: {
        tags,
        summary: '信用超市（阵地类型为信用超市）',
        querystring: listCreditStoresQuerySchema,
        response: { 200: creditStoreListSchema },
      },
    },
    (req) => listCreditStores(ctxOf(req), req.query.orgUnitId),
  );
  app.post(
    `${base}/stock-in`,
    {
      config: store,
      schema: {
        tags,
        summary: '物品入库（捐赠或采购）',
        body: stockInInputSchema,
        response: { 200: creditGoodSchema, 201: creditGoodSchema },
      },
    },
    async (req, reply) => {
      const { good, isReplay } = await stockIn(ctxOf(req), req.body);
      return reply.status(isReplay ? 200 : 201).send(good);
    },
  );
  app.get(
    `${base}/stock-moves`,
    {
      config: read,
      schema: {
        tags,
        summary: '出入库记录',
        querystring: listStockMovesQuerySchema,
        response: { 200: stockMoveListSchema },
      },
    },
    (req) => listStockMoves(ctxOf(req), req.query),
  );
  app.get(
    `${base}/redemptions`,
    {
      config: read,
      schema: {
        tags,
        summary: '兑换记录',
        querystring: listRedemptionsQuerySchema,
        response: { 200: creditRedemptionListSchema },
      },
    },
    (req) => listCreditRedemptions(ctxOf(req), req.query),
  );
  app.get(
    `${base}/redemptions/:redemptionId`,
    {
      config: read,
      schema: {
        tags,
        summary: '兑换单（小票，户主姓名已遮挡）',
        params: idParams('redemptionId'),
        response: { 200: creditRedemptionSchema },
      },
    },
    (req) => getCreditRedemption(ctxOf(req), (req.params as { redemptionId: string }).redemptionId),
  );
  app.post(
    `${base}/redemptions`,
    {
      config: store,
      schema: {
        tags,
        summary: '柜台兑换（一次校验余额和库存；同一兑换单编号重试返回原兑换单）',
        body: createRedemptionInputSchema,
        response: { 200: creditRedemptionSchema, 201: creditRedemptionSchema },
      },
    },
    async (req, reply) => {
      const { redemption, isReplay } = await createRedemption(ctxOf(req), req.body);
      return reply.status(isReplay ? 200 : 201).send(redemption);
    },
  );
  app.get(
    `${base}/stocktakes`,
    {
      config: read,
      schema: {
        tags,
        summary: '盘点记录',
        querystring: listStocktakesQuerySchema,
        response: { 200: stocktakeListSchema },
      },
    },
    (req) => listStocktakes(ctxOf(req), req.query),
  );
  app.post(
    `${base}/stocktakes`,
    {
      config: store,
      schema: {
        tags,
        summary: '盘点（实盘数量，差异须说明原因，库存按实盘调整）',
        body: createStocktakeInputSchema,
        response: { 200: stocktakeSchema, 201: stocktakeSchema },
      },
    },
    async (req, reply) => {
      const { stocktake, isReplay } = await createStocktake(ctxOf(req), req.body);
      return reply.status(isReplay ? 200 : 201).send(stocktake);
    },
  );
};
