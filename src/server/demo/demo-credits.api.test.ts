import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../kernel/db/ids';
import { shanghaiToday } from '../kernel/time/calendar';
import { call, createTestApp, login } from '../test/test-app';
import { DEMO_PASSWORD, seedDemo } from './seed-demo';

let t: Awaited<ReturnType<typeof createTestApp>>;
const q = async (text: string) => (await t.db.$client.query(text)).rows;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.app.fieldCrypto);
}, 180_000);
afterAll(() => t.close());

describe('demo town 青石镇: a year of credit points and redemptions', () => {
  it('balances equal the counted entries and stock equals the moves, never below zero', async () => {
    const [{ accounts, entries, redemptions }] = await q(`select
      (select count(*)::int from credit_accounts) as accounts,
      (select count(*)::int from credit_transactions) as entries,
      (select count(*)::int from credit_redemptions) as redemptions`);
    expect(accounts).toBeGreaterThan(100);
    expect(entries).toBeGreaterThan(1000);
    expect(redemptions).toBeGreaterThan(50);
    const [{ drift }] =
      await q(`select count(*)::int as drift from credit_accounts a where a.balance <> coalesce(
      (select sum(points) from credit_transactions t where t.account_id = a.id and t.status = 'confirmed'), 0)`);
    expect(drift).toBe(0);
    const [{ stockDrift }] =
      await q(`select count(*)::int as "stockDrift" from credit_goods g where g.stock <> coalesce(
      (select sum(quantity) from credit_stock_moves m where m.good_id = g.id), 0)`);
    expect(stockDrift).toBe(0);
    const [{ pending }] = await q(
      `select count(*)::int as pending from credit_transactions where status = 'pending'`,
    );
    expect(pending).toBeGreaterThan(0);
  });

  it('the demo store keeper redeems at her counter; the town’s figures count the year', async () => {
    const keeper = await login(t.app, 'keeper', DEMO_PASSWORD);
    const stores = (await call(t.app, keeper, 'GET', '/api/v1/credits/stores')).json();
    expect(stores.items).toHaveLength(1);
    const goods = (
      await call(t.app, keeper, 'GET', `/api/v1/credits/goods?storeId=${stores.items[0].id}`)
    ).json();
    const good = goods.items.find((g: { stock: number }) => g.stock > 0);
    const rich = (
      await call(t.app, keeper, 'GET', '/api/v1/credits/accounts?sort=-balance&pageSize=1')
    ).json().items[0];
    const res = await call(t.app, keeper, 'POST', '/api/v1/credits/redemptions', {
      id: uuidv7(),
      storeId: stores.items[0].id,
      householdId: rich.householdId,
      lines: [{ goodId: good.id, quantity: 1 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const town = await login(t.app, 'town', DEMO_PASSWORD);
    const today = shanghaiToday();
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const value = async (key: string) =>
      (await call(t.app, town, 'GET', `/api/v1/indicators/${key}/values?from=${from}&to=${today}`)).json()
        .total;
    expect(await value('credits.stores')).toBeGreaterThan(1);
    expect(await value('credits.earned')).toBeGreaterThan(1000);
    expect(await value('credits.redemptions')).toBeGreaterThan(50);
    expect(await value('credits.stockValue')).toBeGreaterThan(0);
  });
});
