import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharOf } from '../../../contracts/common/id-number';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
const first17 = '33010219800101002';
const idA = first17 + checkCharOf(first17);

const sheet = async (rows: (string | Date)[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('执委名册');
  ws.addRow(['东岭村执委名册（示例）']);
  ws.mergeCells('A1:F1');
  ws.addRow(['姓名', '身份证号码', '任职组织', '职务', '任职日期', '卸任日期', '所在单位', '单位职务']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const importRoster = async (file: Buffer) => {
  const url = `/api/v1/people/role-terms/import?wait=1&orgUnitId=${org.units.villageA1.id}`;
  const res = await uploadFile(t.app, town, url, file, '执委名册.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const termCount = async () =>
  Number((await t.db.$client.query('select count(*) from role_terms')).rows[0].count);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  const people: [string, string | undefined, string][] = [
    ['郑秀兰', idA, org.units.villageA1.id],
    ['冯春燕', undefined, org.units.villageA1.id],
    ['陈丽华', undefined, org.units.villageA1.id],
    ['陈丽华', undefined, org.units.villageA1.id],
    ['韩玉梅', undefined, org.units.villageA2.id],
  ];
  for (const [name, idNumber, orgUnitId] of people) {
    const res = await call(t.app, town, 'POST', '/api/v1/people/persons', { name, idNumber, orgUnitId });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('executive-member roster import', () => {
  it('refuses the whole roster when a name is unknown, ambiguous or belongs to another village', async () => {
    const before = await termCount();
    const job = await importRoster(
      await sheet([
        ['郑秀兰', idA, '甲一村', '执委', '2021-06-15'],
        ['无此人', '', '甲一村', '执委', '2021-06-15'],
        ['陈丽华', '', '甲一村', '执委', '2021-06-15'],
        ['韩玉梅', '', '甲一村', '执委', '2021-06-15'],
      ]),
    );
    expect(job.status).toBe('failed');
    const byRow = Object.fromEntries(
      job.issues.map((i: { row: number; message: string }) => [i.row, i.message]),
    );
    expect(byRow[4]).toMatch(/找不到该人员/);
    expect(byRow[5]).toMatch(/多个同名人员/);
    expect(byRow[6]).toMatch(/找不到该人员/);
    expect(byRow[3]).toBeUndefined();
    expect(await termCount()).toBe(before);
    const label = await importRoster(await sheet([['冯春燕', '', '甲一村', '志愿者', '2021-06-15']]));
    expect(label.issues[0]).toMatchObject({
      row: 3,
      column: '职务',
      message: expect.stringMatching(/不在可选范围内/),
    });
    expect(await termCount()).toBe(before);
  });

  it('imports a good roster (ID number or unique name), and re-importing changes nothing', async () => {
    const file = await sheet([
      ['郑秀兰', idA, '甲一村', '主席', '2021-06-15'],
      ['郑秀兰', idA, '甲一村', '执委', '2021-06-15'],
      ['冯春燕', '', '', '执委', '2021.6.15'],
      ['冯春燕', '', '甲一村妇联', '女企业家/女高管', '2020年1月1日', '', '甲一村茶叶合作社', '负责人'],
    ]);
    const first = await importRoster(file);
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const again = await importRoster(file);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 4 });
    const holders = (
      await call(
        t.app,
        town,
        'GET',
        '/api/v1/indicators/people.roleHolders/values?from=2026-01-01&to=2026-12-31&groupBy=role',
      )
    ).json();
    expect(
      Object.fromEntries(holders.rows.map((r: { group: string; value: number }) => [r.group, r.value])),
    ).toEqual({
      chair: 1,
      executiveMember: 2,
      entrepreneur: 1,
    });
  });

  it('an end date added to the sheet updates that term; an overlapping new term is refused', async () => {
    const updated = await importRoster(
      await sheet([['郑秀兰', idA, '甲一村', '主席', '2021-06-15', '2026-06-19']]),
    );
    expect(updated.counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const overlap = await importRoster(await sheet([['冯春燕', '', '甲一村', '执委', '2023-01-01']]));
    expect(overlap.status).toBe('failed');
    expect(overlap.issues[0].message).toMatch(/重叠/);
  });

  it('exports the roster with Chinese headers', async () => {
    const res = await call(t.app, town, 'GET', '/api/v1/people/role-terms/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.worksheets[0].eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).join('|'));
    });
    expect(rows[0]).toBe('姓名|任职组织|职务|任职日期|卸任日期|所在单位|单位职务|备注');
    expect(rows.filter((r) => r.startsWith('郑秀兰|甲一村妇联|主席|2021-06-15|2026-06-19'))).toHaveLength(1);
    expect(rows).toHaveLength(5);
  });
});
