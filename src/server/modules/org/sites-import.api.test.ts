import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const sheet = async (rows: string[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('阵地');
  ws.addRow(['阵地名称', '阵地类型', '所属组织', '地址', '启用日期', '联系人']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const importSites = async (file: Buffer) =>
  (
    await uploadFile(
      t.app,
      town,
      `/api/v1/org/sites/import?wait=1&orgUnitId=${org.units.townA.id}`,
      file,
      '阵地.xlsx',
    )
  ).json();

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  await call(t.app, town, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '许美华',
  });
});
afterAll(() => t.close());

describe('sites from Excel', () => {
  it('imports sites by village name and kind label, names contacts, and is idempotent', async () => {
    const file = await sheet([
      ['甲一村妇女之家', '妇女之家', '甲一村', '村委会二楼', '2021.3.8', '许美华'],
      ['甲镇家长学校', '家长学校', '', '镇中心小学', '2019年9月1日', ''],
    ]);
    const first = await importSites(file);
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect((await importSites(file)).counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const list = (await call(t.app, town, 'GET', '/api/v1/org/sites?kind=womenHome')).json();
    expect(list.items[0]).toMatchObject({
      name: '甲一村妇女之家',
      contactName: '许美华',
      openedOn: '2021-03-08',
    });
  });

  it('refuses unknown kinds and unknown contacts, writing nothing', async () => {
    const before = (await t.db.$client.query('select count(*)::int as n from sites')).rows[0].n;
    const kind = await importSites(await sheet([['甲二村城堡', '城堡', '甲二村', '', '', '']]));
    expect(kind.issues[0]).toMatchObject({
      column: '阵地类型',
      message: expect.stringContaining('不在可选范围内'),
    });
    const contact = await importSites(
      await sheet([['甲二村妇女之家', '妇女之家', '甲二村', '', '', '无此人']]),
    );
    expect(contact.issues[0]).toMatchObject({ column: '联系人', message: '在该组织的人员信息中找不到此人' });
    expect((await t.db.$client.query('select count(*)::int as n from sites')).rows[0].n).toBe(before);
  });
});
