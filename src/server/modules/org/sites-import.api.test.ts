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
const importSites = async (file: Buffer, preview = false) =>
  (
    await uploadFile(
      t.app,
      town,
      `/api/v1/org/sites/import?wait=1&orgUnitId=${org.units.townA.id}${preview ? '&preview=1' : ''}`,
      file,
      '阵地.xlsx',
    )
  ).json();
const count = async (table: string, where = 'true') =>
  (await t.db.$client.query(`select count(*)::int as n from ${table} where ${where}`)).rows[0].n;

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
      message: expect.stringContaining('不在本县的阵地类型中（可选：妇女之家'),
    });
    const contact = await importSites(
      await sheet([['甲二村妇女之家', '妇女之家', '甲二村', '', '', '无此人']]),
    );
    expect(contact.issues[0]).toMatchObject({ column: '联系人', message: '在该组织的人员信息中找不到此人' });
    expect((await t.db.$client.query('select count(*)::int as n from sites')).rows[0].n).toBe(before);
  });

  it('previews an import: what it would create, update or leave, with the first rows, writing nothing', async () => {
    const file = await sheet([
      ['甲二村妇女之家', '妇女之家', '甲二村', '村委会一楼', '2022.5.1', ''],
      ['甲一村儿童之家', '儿童之家', '甲一村', '村小学旁', '', '许美华'],
    ]);
    const sitesBefore = await count('sites');
    const importsAudited = await count('audit_log', "action = 'import'");
    const preview = await importSites(file, true);
    expect(preview).toMatchObject({
      status: 'succeeded',
      isPreview: true,
      counts: { created: 2, updated: 0, unchanged: 0 },
    });
    expect(preview.sample.columns).toEqual([
      '阵地名称',
      '阵地类型',
      '所属组织',
      '地址',
      '启用日期',
      '联系人',
    ]);
    expect(preview.sample.rows[1]).toEqual([
      '甲一村儿童之家',
      '儿童之家',
      '甲一村',
      '村小学旁',
      '',
      '许美华',
    ]);
    expect(await count('sites')).toBe(sitesBefore);
    expect(await count('audit_log', "action = 'import'")).toBe(importsAudited);

    const done = await importSites(file);
    expect(done).toMatchObject({ isPreview: false, sample: null, counts: { created: 2 } });
    expect(await count('sites')).toBe(sitesBefore + 2);
    // Previewed again: the same file now changes nothing; a changed address would be an update.
    expect((await importSites(file, true)).counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const changed = await sheet([['甲二村妇女之家', '妇女之家', '甲二村', '村委会三楼', '', '']]);
    expect((await importSites(changed, true)).counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await count('sites', "address = '村委会三楼'")).toBe(0);
  });

  it("previews the database's refusals too (a contact not found), as the import would", async () => {
    const refused = await importSites(
      await sheet([['甲二村书屋', '妇女之家', '甲二村', '', '', '无此人']]),
      true,
    );
    expect(refused.status).toBe('failed');
    expect(refused.issues[0]).toMatchObject({ column: '联系人' });
  });
});
