import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const roster = async (rows: string[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('队员名册');
  ws.addRow(['队伍名称', '队伍类型', '所属组织', '队员姓名', '身份证号码', '加入日期']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const importRoster = async (file: Buffer) =>
  (
    await uploadFile(
      t.app,
      town,
      `/api/v1/people/volunteer-teams/import?wait=1&orgUnitId=${org.units.villageA1.id}`,
      file,
      '名册.xlsx',
    )
  ).json();

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  for (const name of ['朱丽娟', '秦海燕', '尤春梅']) {
    await call(t.app, town, 'POST', '/api/v1/people/persons', { orgUnitId: org.units.villageA1.id, name });
  }
});
afterAll(() => t.close());

describe('volunteer team rosters from Excel', () => {
  it('creates the team and its members from one row per member, and re-importing changes nothing', async () => {
    const file = await roster([
      ['甲一村巾帼志愿服务队', '志愿服务队', '甲一村', '朱丽娟', '', '2024-03-05'],
      ['甲一村巾帼志愿服务队', '志愿服务队', '甲一村', '秦海燕', '', ''],
      ['甲一村巾帼宣讲队', '宣讲队', '', '尤春梅', '', ''],
    ]);
    const first = await importRoster(file);
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect((await importRoster(file)).counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const teams = (await call(t.app, town, 'GET', '/api/v1/people/volunteer-teams?pageSize=200')).json();
    const service = teams.items.find((x: { name: string }) => x.name === '甲一村巾帼志愿服务队');
    expect(service.members.map((m: { name: string }) => m.name).sort()).toEqual(['朱丽娟', '秦海燕'].sort());
    expect(service.kind).toBe('serviceTeam');
  });

  it('refuses unknown members and a kind that contradicts the registered team, writing nothing', async () => {
    const before = (await t.db.$client.query('select count(*)::int as n from volunteer_team_members')).rows[0]
      .n;
    const unknown = await importRoster(
      await roster([['甲一村巾帼志愿服务队', '志愿服务队', '甲一村', '无此人', '', '']]),
    );
    expect(unknown.issues[0]).toMatchObject({
      column: '队员姓名',
      message: '在该组织的人员信息中找不到此人',
    });
    const kind = await importRoster(
      await roster([['甲一村巾帼志愿服务队', '林长队', '甲一村', '尤春梅', '', '']]),
    );
    expect(kind.issues[0].message).toMatch(/不一致/);
    expect(
      (await t.db.$client.query('select count(*)::int as n from volunteer_team_members')).rows[0].n,
    ).toBe(before);
  });

  it('reads the founding date: a new team takes it, a blank one is filled, a different one is refused; the export shows it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('队员名册');
    ws.addRow(['队伍名称', '队伍类型', '所属组织', '成立日期', '队员姓名']);
    ws.addRow(['甲一村矛盾纠纷调解队', '调解队', '甲一村', '2025-07-01', '朱丽娟']);
    ws.addRow(['甲一村矛盾纠纷调解队', '调解队', '甲一村', '', '秦海燕']);
    // The service team was registered by the first test without a date: this fills it.
    ws.addRow(['甲一村巾帼志愿服务队', '志愿服务队', '甲一村', '2024-03-05', '朱丽娟']);
    const first = await importRoster(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 2, updated: 1, unchanged: 0 });
    const teams = (await call(t.app, town, 'GET', '/api/v1/people/volunteer-teams?pageSize=200')).json();
    const founded = Object.fromEntries(
      teams.items.map((x: { name: string; foundedOn: string | null }) => [x.name, x.foundedOn]),
    );
    expect(founded).toMatchObject({ 甲一村矛盾纠纷调解队: '2025-07-01', 甲一村巾帼志愿服务队: '2024-03-05' });

    const clash = new ExcelJS.Workbook();
    const cs = clash.addWorksheet('队员名册');
    cs.addRow(['队伍名称', '队伍类型', '所属组织', '成立日期', '队员姓名']);
    cs.addRow(['甲一村矛盾纠纷调解队', '调解队', '甲一村', '2025-08-01', '尤春梅']);
    const refused = await importRoster(Buffer.from(await clash.xlsx.writeBuffer()));
    expect(refused.status).toBe('failed');
    expect(refused.issues[0]).toMatchObject({
      column: '成立日期',
      message: '与已登记的成立日期（2025-07-01）不一致',
    });

    const res = await call(t.app, town, 'GET', '/api/v1/people/volunteer-teams/export');
    expect(res.statusCode).toBe(200);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    out.worksheets[0].eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).join('|'));
    });
    expect(rows[0]).toBe('队伍名称|队伍类型|所属组织|成立日期|队员姓名|加入日期');
    expect(rows).toContain('甲一村矛盾纠纷调解队|调解队|甲一村妇联|2025-07-01|朱丽娟');
  });
});
