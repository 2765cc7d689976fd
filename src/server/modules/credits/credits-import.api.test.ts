import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../kernel/time/calendar';
import { importRows } from '../../test/import-files';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let village: Session;
const year = String(Number(shanghaiToday().slice(0, 4)) - 1);
const header = ['所属村（社区）', '地址', '门牌号', '户主', '期初积分', '截止日期'];
const q1 = async (text: string, params: unknown[] = []) => (await t.db.$client.query(text, params)).rows[0];

const household = async (address: string, houseNumber: string, head: string) => {
  const res = await call(t.app, village, 'POST', '/api/v1/people/households', {
    orgUnitId: org.units.villageA1.id,
    address,
    houseNumber,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await call(t.app, village, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: head,
    householdId: id,
    relationToHead: 'head',
  });
  return id;
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  village = await login(t.app, 'villageA1');
  await household('甲一村一组', '1号', '王秀英');
  await household('甲一村一组', '2号', '李春花');
  await call(t.app, village, 'POST', '/api/v1/org/sites', {
    orgUnitId: org.units.villageA1.id,
    kind: 'creditStore',
    name: '甲一村信用超市',
  });
});
afterAll(() => t.close());

describe('credit ledgers from Excel', () => {
  it('refuses the whole sheet on any bad row (unknown household, wrong head, a fraction), nothing written', async () => {
    const job = await importRows(t.app, village, '/api/v1/credits/transactions/import?wait=1', [
      header,
      ['甲一村', '甲一村一组', '1号', '王秀英', 120, `${year}-12-31`],
      ['甲一村', '甲一村一组', '9号', null, 30, `${year}-12-31`],
      ['甲一村', '甲一村一组', '2号', '张三', 30, `${year}-12-31`],
      ['甲一村', '甲一村一组', '2号', null, '12.5', `${year}-12-31`],
    ]);
    expect(job.status).toBe('failed');
    // A cell that is no whole number is refused while the sheet is read.
    expect(job.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [5, '期初积分'],
    ]);
    const rows = await importRows(t.app, village, '/api/v1/credits/transactions/import?wait=1', [
      header,
      ['甲一村', '甲一村一组', '1号', '王秀英', 120, `${year}-12-31`],
      ['甲一村', '甲一村一组', '9号', null, 30, `${year}-12-31`],
      ['甲一村', '甲一村一组', '2号', '张三', 30, `${year}-12-31`],
    ]);
    expect(rows.status).toBe('failed');
    expect(rows.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [3, '地址'],
      [4, '户主'],
    ]);
    expect(Number((await q1('select count(*) from credit_transactions')).count)).toBe(0);
    expect(Number((await q1('select count(*) from credit_accounts')).count)).toBe(0);
  });

  it('imports opening balances once per household, opening the accounts; exports the ledger', async () => {
    const rows = [
      header,
      ['甲一村', '甲一村一组', '1号', '王秀英', '120分', `${year}-12-31`],
      [null, '甲一村一组', '2号', null, 35, `${year}-12-31`],
    ];
    const url = `/api/v1/credits/transactions/import?wait=1&orgUnitId=${org.units.villageA1.id}`;
    const job = await importRows(t.app, village, url, rows);
    expect(job.status, JSON.stringify(job.issues)).toBe('succeeded');
    expect(job.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const balances = (await t.db.$client.query('select balance from credit_accounts order by balance')).rows;
    expect(balances.map((r) => r.balance)).toEqual([35, 120]);
    const again = await importRows(t.app, village, url, rows);
    expect(again.status).toBe('failed');
    expect(again.issues[0].message).toContain('已登记过期初余额');
    const audited = await q1(
      `select count(*)::int as n from audit_log where module = 'credits' and entity_type = 'creditTransaction'`,
    );
    expect(audited.n).toBe(2);

    const exported = await call(t.app, village, 'GET', '/api/v1/credits/transactions/export');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => {
      row.eachCell((c) => {
        cells.push(String(c.value));
      });
    });
    expect(cells).toContain('期初余额');
    expect(cells).toContain('120');
  });

  it('imports a store’s goods and updates a good of the same name', async () => {
    const url = '/api/v1/credits/goods/import?wait=1';
    const head = ['信用超市', '物品名称', '单位', '兑换积分', '单价（元）'];
    const first = await importRows(t.app, village, url, [
      head,
      ['甲一村信用超市', '洗衣粉', '袋', 12, '12.00'],
      ['甲一村信用超市', '花生油', '桶', 58, 58],
    ]);
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const second = await importRows(t.app, village, url, [
      head,
      ['甲一村信用超市', '洗衣粉', '袋', 15, null],
      ['甲一村信用超市', '花生油', '桶', 58, 58],
      ['乙村超市', '毛巾', '条', 8, null],
    ]);
    expect(second.status).toBe('failed');
    const ok = await importRows(t.app, village, url, [
      head,
      ['甲一村信用超市', '洗衣粉', '袋', 15, null],
      ['甲一村信用超市', '花生油', '桶', 58, 58],
    ]);
    expect(ok.counts).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect((await q1(`select points_price from credit_goods where name = '洗衣粉'`)).points_price).toBe(15);
  });
});
