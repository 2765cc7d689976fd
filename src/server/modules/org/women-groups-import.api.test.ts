import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const roster = async (rows: string[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('妇女小组');
  ws.addRow(['小组名称', '所属网格', '所属村（社区）', '成员姓名', '是否组长']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const importRoster = async (file: Buffer) =>
  (
    await uploadFile(
      t.app,
      town,
      `/api/v1/org/women-groups/import?wait=1&orgUnitId=${org.units.villageA1.id}`,
      file,
      '小组.xlsx',
    )
  ).json();

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  for (const name of ['施秀英', '孔美玲', '曹春燕']) {
    await call(t.app, town, 'POST', '/api/v1/people/persons', { orgUnitId: org.units.villageA1.id, name });
  }
  await call(t.app, town, 'POST', '/api/v1/org/grids', {
    orgUnitId: org.units.villageA1.id,
    name: '第1网格',
  });
});
afterAll(() => t.close());

describe("women's group rosters from Excel", () => {
  it('creates the group with its leader and members, and re-importing changes nothing', async () => {
    const file = await roster([
      ['第1妇女小组', '第1网格', '甲一村', '施秀英', '是'],
      ['第1妇女小组', '第1网格', '甲一村', '孔美玲', ''],
      ['第1妇女小组', '第1网格', '', '曹春燕', '否'],
    ]);
    const first = await importRoster(file);
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 3, updated: 1, unchanged: 0 });
    expect((await importRoster(file)).counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const groups = (await call(t.app, town, 'GET', '/api/v1/org/women-groups')).json();
    expect(groups.items).toHaveLength(1);
    expect(groups.items[0]).toMatchObject({ name: '第1妇女小组', leaderName: '施秀英' });
    expect(groups.items[0].memberIds).toHaveLength(3);
  });

  it('refuses an unknown grid, an unknown member and two leaders, writing nothing', async () => {
    const before = (await t.db.$client.query('select count(*)::int as n from women_group_members')).rows[0].n;
    expect(
      (await importRoster(await roster([['第2妇女小组', '第9网格', '甲一村', '施秀英', '']]))).issues[0]
        .column,
    ).toBe('所属网格');
    expect(
      (await importRoster(await roster([['第2妇女小组', '第1网格', '甲一村', '无此人', '']]))).issues[0]
        .column,
    ).toBe('成员姓名');
    const two = await importRoster(
      await roster([
        ['第2妇女小组', '第1网格', '甲一村', '施秀英', '是'],
        ['第2妇女小组', '第1网格', '甲一村', '孔美玲', '是'],
      ]),
    );
    expect(two.issues[0].message).toBe('同一小组只能有一位组长');
    expect((await t.db.$client.query('select count(*)::int as n from women_group_members')).rows[0].n).toBe(
      before,
    );
  });
});
