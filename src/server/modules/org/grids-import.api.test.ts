import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const roster = async (rows: string[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('网格');
  ws.addRow(['网格名称', '所属村（社区）', '网格执委', '家庭住址', '门牌号']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const importRoster = async (file: Buffer) =>
  (
    await uploadFile(
      t.app,
      town,
      `/api/v1/org/grids/import?wait=1&orgUnitId=${org.units.villageA1.id}`,
      file,
      '网格.xlsx',
    )
  ).json();

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  await call(t.app, town, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '何丽萍',
  });
  for (const no of ['1号', '2号', '3号']) {
    await call(t.app, town, 'POST', '/api/v1/people/households', {
      orgUnitId: org.units.villageA1.id,
      address: '甲一村东路',
      houseNumber: no,
    });
  }
});
afterAll(() => t.close());

describe('grid rosters from Excel', () => {
  it('creates grids with their executive member and assigns households; re-importing changes nothing', async () => {
    const file = await roster([
      ['第1网格', '甲一村', '何丽萍', '甲一村东路', '1号'],
      ['第1网格', '甲一村', '何丽萍', '甲一村东路', '2号'],
      ['第2网格', '甲一村', '', '甲一村东路', '3号'],
    ]);
    const first = await importRoster(file);
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 2, updated: 3, unchanged: 0 });
    expect((await importRoster(file)).counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const list = (await call(t.app, town, 'GET', '/api/v1/org/grids?sort=name')).json();
    expect(
      list.items.map((g: { name: string; householdCount: number; memberName: string | null }) => [
        g.name,
        g.householdCount,
        g.memberName,
      ]),
    ).toEqual([
      ['第1网格', 2, '何丽萍'],
      ['第2网格', 1, null],
    ]);
  });

  it('refuses an unknown household or member and a town-level grid, writing nothing', async () => {
    const before = (await t.db.$client.query('select count(*)::int as n from grids')).rows[0].n;
    const job = await importRoster(await roster([['第3网格', '甲一村', '无此人', '', '']]));
    expect(job.issues[0]).toMatchObject({ column: '网格执委', message: '在本村的人员信息中找不到此人' });
    const house = await importRoster(await roster([['第3网格', '甲一村', '', '甲一村西路', '9号']]));
    expect(house.issues[0].column).toBe('家庭住址');
    const town2 = await importRoster(await roster([['镇级网格', '甲镇', '', '', '']]));
    expect(town2.issues[0].message).toBe('网格只能建在村（嘎查、社区）');
    expect((await t.db.$client.query('select count(*)::int as n from grids')).rows[0].n).toBe(before);
  });
});
