import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSiteKinds } from '../../../contracts/org-ledgers';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

// Site kinds are the county's own list, as activity types are: it adds kinds (儿童实践基地) and
// renames built-in ones; every form, import, export and statistic reads the county's labels.
let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
let town: Session;
let village: Session;
const url = '/api/v1/org/site-kinds';
const Y2025 = 'from=2025-01-01&to=2025-12-31';
const sheetRows = async (buffer: unknown, sheet = 0) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  const rows: string[] = [];
  wb.worksheets[sheet].eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).join('|'));
  });
  return { wb, rows };
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
});
afterAll(() => t.close());

describe('site kinds: the county configures the list', () => {
  it('starts with the built-in kinds, and only the county sets the list', async () => {
    const res = (await call(t.app, village, 'GET', url)).json();
    expect(res.isDefault).toBe(true);
    expect(res.kinds.map((k: { code: string }) => k.code)).toEqual(defaultSiteKinds.map((k) => k.code));
    const body = { kinds: [{ label: { zh: '乡镇自定阵地' } }] };
    expect((await call(t.app, town, 'PUT', url, body)).statusCode).toBe(403);
    expect((await call(t.app, county, 'GET', url)).json().isDefault).toBe(true);
  });

  it('adds kinds with fresh codes and renames one; sites, statistics and drill-downs use the labels', async () => {
    const kinds = [
      ...defaultSiteKinds.map((k) =>
        k.code === 'womenHome' ? { code: 'womenHome', label: { zh: '妇女之家（巾帼驿站）', en: 'Home' } } : k,
      ),
      { label: { zh: '儿童实践基地' } },
      { label: { zh: '农家书屋', en: 'Rural reading room' } },
    ];
    const res = await call(t.app, county, 'PUT', url, { kinds });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().kinds.slice(-2)).toEqual([
      { code: 'custom1', label: { zh: '儿童实践基地', en: '儿童实践基地' } },
      { code: 'custom2', label: { zh: '农家书屋', en: 'Rural reading room' } },
    ]);
    const create = (name: string, kind: string, openedOn: string) =>
      call(t.app, village, 'POST', '/api/v1/org/sites', {
        orgUnitId: org.units.villageA1.id,
        kind,
        name,
        openedOn,
      });
    const base = await create('甲一村儿童实践基地', 'custom1', '2025-06-01');
    expect(base.statusCode, base.body).toBe(201);
    expect((await create('甲一村妇女之家', 'womenHome', '2024-03-08')).statusCode).toBe(201);
    const unknown = await create('甲一村某阵地', 'custom9', '2025-06-01');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(
      /^阵地类型“custom9”不在本县的阵地类型中（可选：.*儿童实践基地/,
    );

    const stock = (
      await call(t.app, town, 'GET', `/api/v1/indicators/org.sites/values?${Y2025}&groupBy=kind`)
    ).json();
    expect(stock.rows.map((r: { label: string; value: number }) => [r.label, r.value]).sort()).toEqual([
      ['儿童实践基地', 1],
      ['妇女之家（巾帼驿站）', 1],
    ]);
    const opened = (
      await call(t.app, town, 'GET', `/api/v1/indicators/org.sitesOpened/values?${Y2025}&groupBy=kind`)
    ).json();
    expect(opened.rows.map((r: { label: string }) => r.label)).toEqual(['儿童实践基地']);
    const drill = (
      await call(t.app, town, 'GET', `/api/v1/indicators/org.sitesOpened/records?${Y2025}`)
    ).json();
    expect(drill.items[0].type).toMatchObject({ value: 'custom1', label: '儿童实践基地' });

    // Activities held at sites, by the site's kind, use the same labels.
    const held = await call(t.app, village, 'POST', '/api/v1/activities/activities', {
      orgUnitId: org.units.villageA1.id,
      title: '暑期儿童实践活动',
      type: 'training',
      occurredOn: '2025-07-10',
      attendance: 20,
      siteId: base.json().id,
    });
    expect(held.statusCode, held.body).toBe(201);
    const sessions = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/activities.sessions/values?${Y2025}&groupBy=siteKind`,
      )
    ).json();
    expect(sessions.rows.find((r: { group: string }) => r.group === 'custom1')?.label).toBe('儿童实践基地');
  });

  it('imports sites by the kind label, refuses an unknown kind naming the choices, and exports labels', async () => {
    const template = await call(t.app, village, 'GET', '/api/v1/org/sites/template');
    expect(template.statusCode).toBe(200);
    const { wb: tpl } = await sheetRows(template.rawPayload);
    const validation = tpl.worksheets[0].getCell('B3').dataValidation;
    expect(validation.formulae?.[0]).toContain('儿童实践基地');
    expect(validation.formulae?.[0]).toContain('农家书屋');
    const help = tpl.worksheets[1].getColumn(3).values.join('|');
    expect(help).toContain('可选：妇女之家（巾帼驿站）、');

    const file = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('阵地');
      ws.addRow(['阵地名称', '阵地类型', '所属组织', '启用日期']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const importSites = async (rows: string[][]) =>
      (
        await uploadFile(
          t.app,
          village,
          `/api/v1/org/sites/import?wait=1&orgUnitId=${org.units.villageA1.id}`,
          await file(rows),
          '阵地.xlsx',
        )
      ).json();
    const ok = await importSites([['甲一村农家书屋', '农家书屋', '', '2025-09-01']]);
    expect(ok.status, JSON.stringify(ok.issues)).toBe('succeeded');
    expect(ok.counts).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const { rows } = await t.db.$client.query("select kind from sites where name = '甲一村农家书屋'");
    expect(rows[0].kind).toBe('custom2');
    const bad = await importSites([['甲一村文化礼堂', '文化礼堂', '', '']]);
    expect(bad.status).toBe('failed');
    expect(bad.issues[0]).toMatchObject({ column: '阵地类型', value: '文化礼堂' });
    expect(bad.issues[0].message).toMatch(/^不在本县的阵地类型中（可选：.*农家书屋/);

    const exported = await call(t.app, village, 'GET', '/api/v1/org/sites/export');
    expect(exported.statusCode).toBe(200);
    const { rows: out } = await sheetRows(exported.rawPayload);
    expect(out.some((r) => r.startsWith('甲一村农家书屋|农家书屋|'))).toBe(true);
    expect(out.some((r) => r.startsWith('甲一村妇女之家|妇女之家（巾帼驿站）|'))).toBe(true);
  });

  it('refuses to remove a kind in use, naming it with its count; an unused kind can go', async () => {
    const before = (await call(t.app, county, 'GET', url)).json();
    const res = await call(t.app, county, 'PUT', url, {
      kinds: before.kinds.filter((k: { code: string }) => k.code !== 'custom1'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('“儿童实践基地”（1个阵地）已在台账中使用，不能删除，可以改名');
    expect((await call(t.app, county, 'GET', url)).json()).toEqual(before);
    const ok = await call(t.app, county, 'PUT', url, {
      kinds: before.kinds.filter((k: { code: string }) => k.code !== 'studyBase'),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const audit = await t.db.$client.query(
      "select count(*)::int as n from audit_log where entity_type = 'siteKinds' and action = 'update'",
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('a list too long for an Excel drop-down is named in 填写说明 instead, and the template still opens', async () => {
    const before = (await call(t.app, county, 'GET', url)).json();
    const many = Array.from({ length: 25 }, (_, n) => ({ label: { zh: `乡村振兴妇女实践基地${n + 1}号` } }));
    const res = await call(t.app, county, 'PUT', url, { kinds: [...before.kinds, ...many] });
    expect(res.statusCode, res.body).toBe(200);
    const template = await call(t.app, village, 'GET', '/api/v1/org/sites/template');
    const { wb } = await sheetRows(template.rawPayload);
    expect(wb.worksheets[0].getCell('B3').dataValidation?.formulae).toBeUndefined();
    expect(wb.worksheets[1].getColumn(3).values.join('|')).toContain('乡村振兴妇女实践基地25号');
  });
});
