import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let driveId: string;
const year = '2025';
const header = [
  '募捐活动',
  '捐赠日期',
  '捐赠人/单位',
  '捐赠人类别',
  '是否匿名',
  '捐赠类型',
  '金额/估值（元）',
  '收款方式',
  '收据编号',
  '物资明细',
];
type Cell = string | number | null;

const workbook = async (rows: Cell[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('捐赠台账');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const importFile = async (file: Buffer) => {
  const res = await uploadFile(
    t.app,
    town,
    '/api/v1/donations/donations/import?wait=1',
    file,
    '捐赠台账.xlsx',
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const drive = async () =>
  (
    await t.db.$client.query(
      'select raised_fen, balance_fen, in_kind_fen from fundraising_drives where id = $1',
      [driveId],
    )
  ).rows[0];

const good: Cell[][] = [
  ['春蕾助学', `${year}-03-01`, '青石茶业有限公司', '单位', '否', '资金', '5,000', '银行转账', 'R-001', null],
  ['春蕾助学', `${year}-03-02`, '何美玲', '个人', '是', '资金', 200.5, '微信', 'R-002', null],
  ['春蕾助学', `${year}-03-03`, '桃源竹编厂', '单位', null, '物资', 1500, null, 'R-003', '书包50个'],
];

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  const res = await call(t.app, town, 'POST', '/api/v1/donations/drives', {
    orgUnitId: org.units.townA.id,
    name: '春蕾助学',
    purpose: 'studentAid',
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
  });
  driveId = res.json().id;
});
afterAll(() => t.close());

describe('donations from Excel', () => {
  it('refuses fractional fen, a negative amount, an unknown drive and a date outside the drive, writing nothing', async () => {
    const parsed = await importFile(
      await workbook([
        ...good,
        ['春蕾助学', `${year}-04-01`, '某人', '个人', '否', '资金', '10.005', '现金', 'R-004', null],
        ['春蕾助学', `${year}-04-02`, '某人', '个人', '否', '资金', '-5', '现金', 'R-005', null],
      ]),
    );
    expect(parsed.status).toBe('failed');
    const issues = parsed.issues.map((i: { row: number; message: string }) => [i.row, i.message]);
    expect(issues).toEqual([
      [5, expect.stringContaining('最多两位小数')],
      [6, expect.stringContaining('不能为负数')],
    ]);
    const checked = await importFile(
      await workbook([
        ...good,
        ['不存在的活动', `${year}-04-03`, '某人', '个人', '否', '资金', '5', '现金', 'R-006', null],
        ['春蕾助学', '2024-12-31', '某人', '个人', '否', '资金', '5', '现金', 'R-007', null],
      ]),
    );
    expect(checked.status).toBe('failed');
    expect(checked.issues.map((i: { row: number; message: string }) => [i.row, i.message])).toEqual([
      [5, expect.stringContaining('找不到该募捐活动')],
      [6, expect.stringContaining('须在募捐活动期间')],
    ]);
    expect(Number((await drive()).raised_fen)).toBe(0);
  });

  it('imports money and goods, moves the drive’s totals once, and a second run changes nothing', async () => {
    const first = await importFile(await workbook(good));
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await drive()).toEqual({ raised_fen: '520050', balance_fen: '520050', in_kind_fen: '150000' });
    const again = await importFile(await workbook(good));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(Number((await drive()).balance_fen)).toBe(520_050);
    const rec = await call(t.app, town, 'GET', `/api/v1/donations/drives/${driveId}/reconciliation`);
    expect(rec.json().isBalanced).toBe(true);
  });
});
