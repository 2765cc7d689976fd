import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../kernel/time/calendar';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
const year = Number(shanghaiToday().slice(0, 4)) - 2;
const header = ['年度', '荣誉称号', '类型', '获评对象', '推荐单位', '授予日期', '主要事迹'];
type Cell = string | number | null;

const workbook = async (rows: Cell[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('荣誉名单');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const importFile = async (file: Buffer) => {
  const res = await uploadFile(
    t.app,
    town,
    '/api/v1/honours/nominations/import?wait=1',
    file,
    '荣誉名单.xlsx',
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const count = async () =>
  Number((await t.db.$client.query('select count(*) from nominations')).rows[0].count);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  const person = async (unit: string, name: string) => {
    const res = await call(t.app, town, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units[unit].id,
      name,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const head = await person('villageA1', '王秀英');
  await person('villageA2', '张桂兰');
  const hh = await call(t.app, town, 'POST', '/api/v1/people/households', {
    orgUnitId: org.units.villageA1.id,
    address: '甲一村1组8号',
    headPersonId: head,
  });
  expect(hh.statusCode, hh.body).toBe(201);
  const p = (await call(t.app, town, 'GET', `/api/v1/people/persons/${head}`)).json();
  const linked = await call(t.app, town, 'PATCH', `/api/v1/people/persons/${head}`, {
    householdId: hh.json().id,
    version: p.version,
  });
  expect(linked.statusCode, linked.body).toBe(200);
});
afterAll(() => t.close());

describe('past honour lists from Excel', () => {
  const rows = (): Cell[][] => [
    [year, '最美家庭', '家庭', '王秀英', '甲一村', `${year}-05-10`, '孝老爱亲'],
    [`${year}年`, '好婆婆', '个人', '张桂兰', '甲二村', `${year}-03-08`, null],
    [year, '巾帼文明岗', '集体', '甲二村妇联', '甲二村妇联', `${year}-03-08`, null],
  ];

  it('refuses an unknown title, a missing person and a wrong collective, writing nothing', async () => {
    const bad = await importFile(
      await workbook([
        ...rows(),
        [year, '最美邻居', '个人', '王秀英', '甲一村', `${year}-05-10`, null],
        [year, '好媳妇', '个人', '李四', '甲一村', `${year}-05-10`, null],
        [year, '巾帼文明岗', '集体', '甲一村妇联', '甲二村', `${year}-05-10`, null],
      ]),
    );
    expect(bad.status).toBe('failed');
    expect(bad.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [5, '荣誉称号'],
      [6, '获评对象'],
      [7, '获评对象'],
    ]);
    expect(await count()).toBe(0);
  });

  it('imports the awarded honours (no notice to run again), and the same file again changes nothing', async () => {
    const first = await importFile(await workbook(rows()));
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const list = (await call(t.app, town, 'GET', `/api/v1/honours/nominations?year=${year}`)).json();
    expect(
      list.items
        .map((n: { titleName: string; nomineeName: string; status: string; level: string }) =>
          [n.titleName, n.nomineeName, n.status, n.level].join('|'),
        )
        .sort(),
    ).toEqual(
      [
        '好婆婆|张桂兰|awarded|town',
        '巾帼文明岗|甲二村妇联|awarded|city',
        '最美家庭|王秀英|awarded|county',
      ].sort(),
    );
    const again = await importFile(await workbook(rows()));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const exported = await call(t.app, town, 'GET', `/api/v1/honours/nominations/export?year=${year}`);
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => {
      row.eachCell((c) => {
        cells.push(String(c.value));
      });
    });
    expect(cells).toContain('好婆婆');
    expect(cells).toContain('甲二村妇联');
  });
});
