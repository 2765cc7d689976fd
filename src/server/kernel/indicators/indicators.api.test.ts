import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
const values = (s: Session, query: string) =>
  call(t.app, s, 'GET', `/api/v1/indicators/org.sites/values?${query}`);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  const sites: [string, string, string, string | undefined][] = [
    [org.units.villageA1.id, 'womenHome', '甲一村妇女之家', '2022-03-08'],
    [org.units.villageA1.id, 'childrenHome', '甲一村儿童之家', '2024-06-01'],
    [org.units.villageA2.id, 'womenHome', '甲二村妇女之家', undefined],
    [org.units.villageB1.id, 'womenHome', '乙一村妇女之家', '2027-01-01'],
    [org.units.townB.id, 'studyBase', '乙镇研学基地', '2020-05-01'],
  ];
  for (const [orgUnitId, kind, name, openedOn] of sites) {
    const res = await call(t.app, county, 'POST', '/api/v1/org/sites', { orgUnitId, kind, name, openedOn });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('indicators: org.sites{kind}', () => {
  it('lists the indicators the user may read', async () => {
    const res = (await call(t.app, county, 'GET', '/api/v1/indicators')).json();
    expect(res.items.map((i: { key: string }) => i.key)).toEqual(
      expect.arrayContaining(['org.sites', 'people.roleHolders']),
    );
  });

  it('counts sites open at the period end, equal to a count done here, by kind and by unit below the scope', async () => {
    const year = (await values(county, 'from=2026-01-01&to=2026-12-31&groupBy=kind')).json();
    const { rows } = await t.db.$client.query(
      `select kind, count(*)::int as n from sites where deleted_at is null and (opened_on is null or opened_on <= '2026-12-31') group by kind`,
    );
    expect(year.total).toBe(rows.reduce((a: number, r: { n: number }) => a + r.n, 0));
    expect(
      Object.fromEntries(year.rows.map((r: { group: string; value: number }) => [r.group, r.value])),
    ).toEqual(Object.fromEntries(rows.map((r: { kind: string; n: number }) => [r.kind, r.n])));
    expect(year.rows.find((r: { group: string }) => r.group === 'womenHome')).toMatchObject({
      label: '妇女之家',
      value: 2,
    });
    const byTown = (await values(county, 'from=2026-01-01&to=2026-12-31&groupBy=orgUnit')).json();
    expect(byTown.rows.map((r: { label: string; value: number }) => [r.label, r.value])).toEqual([
      ['甲镇妇联', 3],
      ['乙镇妇联', 1],
    ]);
    const earlier = (await values(county, 'from=2023-01-01&to=2023-12-31')).json();
    expect(earlier.total).toBe(3); // 甲一村妇女之家, 甲二村 (no date), 乙镇研学基地
  });

  it('rolls up from the same definition at every level: the town sees its villages, the village itself', async () => {
    const town = await login(t.app, 'townA');
    const villages = (await values(town, 'from=2026-01-01&to=2026-12-31&groupBy=orgUnit')).json();
    expect(villages.rows.map((r: { label: string; value: number }) => [r.label, r.value])).toEqual([
      ['甲二村妇联', 1],
      ['甲一村妇联', 2],
    ]);
    const village = await login(t.app, 'villageA2');
    expect((await values(village, 'from=2026-01-01&to=2026-12-31')).json().total).toBe(1);
    const foreign = await values(
      village,
      `from=2026-01-01&to=2026-12-31&orgUnitId=${org.units.villageA1.id}`,
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('drills a cell down to its records', async () => {
    const res = await call(
      t.app,
      county,
      'GET',
      `/api/v1/indicators/org.sites/records?from=2026-01-01&to=2026-12-31&dimension=orgUnit&value=${org.units.townA.id}`,
    );
    expect(
      res
        .json()
        .items.map((r: { label: string }) => r.label)
        .sort(),
    ).toEqual(['甲一村妇女之家', '甲一村儿童之家', '甲二村妇女之家'].sort());
    expect(res.json().total).toBe(3);
  });

  it('refuses unknown indicators, unknown dimensions and reversed periods', async () => {
    expect(
      (
        await call(
          t.app,
          county,
          'GET',
          '/api/v1/indicators/org.nothing/values?from=2026-01-01&to=2026-12-31',
        )
      ).statusCode,
    ).toBe(404);
    expect((await values(county, 'from=2026-01-01&to=2026-12-31&groupBy=name')).statusCode).toBe(400);
    expect((await values(county, 'from=2026-12-31&to=2026-01-01')).statusCode).toBe(400);
  });
});

describe('indicators: margins of a two-way table come from the server, not from adding cells', () => {
  const get = async (key: string, query: string) =>
    (await call(t.app, county, 'GET', `/api/v1/indicators/${key}/values?${query}`)).json();
  const marginOf = (
    v: { margins: { group: { group: string | null; value: number }[] } },
    group: string | null,
  ) => v.margins.group.find((m) => m.group === group)?.value;
  const colMarginOf = (
    v: { margins: { group2: { group: string | null; value: number }[] } },
    group: string | null,
  ) => v.margins.group2.find((m) => m.group === group)?.value;
  const cellSum = (v: { rows: { group: string | null; value: number }[] }, group: string) =>
    v.rows.filter((r) => r.group === group).reduce((a, r) => a + r.value, 0);

  beforeAll(async () => {
    const q = (text: string, params: unknown[]) => t.db.$client.query(text, params);
    const sites = (
      await q(`select id, org_unit_id from sites where name in ('甲一村妇女之家', '甲二村妇女之家')`, [])
    ).rows as { id: string; org_unit_id: string }[];
    const siteIn = (unit: string) => sites.find((s) => s.org_unit_id === unit)?.id;
    const a1 = org.units.villageA1;
    const a2 = org.units.villageA2;
    // 甲一村's 妇女之家 hosts two activities (women + families, children), 甲二村's one (women).
    const activities: [typeof a1, string | undefined, string[], number][] = [
      [a1, siteIn(a1.id), ['women', 'families'], 40],
      [a1, siteIn(a1.id), ['children'], 25],
      [a2, siteIn(a2.id), ['women'], 30],
    ];
    for (const [unit, siteId, groups, attendance] of activities) {
      await q(
        `insert into activities (id, org_unit_id, org_path, title, type, occurred_on, site_id, target_groups, attendance)
         values (gen_random_uuid(), $1, $2, '边际测试活动', 'outreach', '2026-04-01', $3, $4, $5)`,
        [unit.id, unit.path, siteId, groups, attendance],
      );
    }
    // One woman is both chair and vice-chair of 甲一村 (two role terms): one person in its row.
    const person = (
      await q(
        `insert into persons (id, org_unit_id, org_path, name, name_pinyin) values (gen_random_uuid(), $1, $2, '双职务', 'shuangzhiwu') returning id`,
        [a1.id, a1.path],
      )
    ).rows[0].id;
    for (const role of ['chair', 'viceChair']) {
      await q(
        `insert into role_terms (id, person_id, org_unit_id, org_path, role, started_on) values (gen_random_uuid(), $1, $2, $3, $4, '2025-01-01')`,
        [person, a1.id, a1.path, role],
      );
    }
  });

  it('a distinct count by a multi-valued dimension: the unit row is the distinct sites, not the sum of its cells', async () => {
    const v = await get('activities.sites', 'from=2026-01-01&to=2026-12-31&groupBy=orgUnit,targetGroup');
    const townA = org.units.townA.id;
    expect(cellSum(v, townA)).toBe(4); // women 2 + families 1 + children 1
    expect(marginOf(v, townA)).toBe(2); // two sites
    expect(colMarginOf(v, 'women')).toBe(2);
    expect(v.total).toBe(2);
    const { rows } = await t.db.$client.query(
      `select count(distinct site_id)::int as n from activities where deleted_at is null and site_id is not null and org_path like $1`,
      [`${org.units.townA.path}%`],
    );
    expect(marginOf(v, townA)).toBe(rows[0].n);
  });

  it('a count or sum by a multi-valued dimension counts each record once in its margins', async () => {
    const townA = org.units.townA.id;
    const sessions = await get(
      'activities.sessions',
      'from=2026-01-01&to=2026-12-31&groupBy=orgUnit,targetGroup',
    );
    expect(cellSum(sessions, townA)).toBe(4);
    expect(marginOf(sessions, townA)).toBe(3);
    expect(sessions.total).toBe(3);
    const reversed = await get(
      'activities.attendances',
      'from=2026-01-01&to=2026-12-31&groupBy=targetGroup,orgUnit',
    );
    expect(colMarginOf(reversed, townA)).toBe(95);
    expect(marginOf(reversed, 'women')).toBe(70);
    expect(reversed.total).toBe(95);
    const oneAxis = await get('activities.attendances', 'from=2026-01-01&to=2026-12-31&groupBy=targetGroup');
    expect(oneAxis.total).toBe(95);
    expect(oneAxis.margins).toBeUndefined();
  });

  it('a person with two roles counts once in her village row and once in the total', async () => {
    const town = await login(t.app, 'townA');
    const v = (
      await call(
        t.app,
        town,
        'GET',
        '/api/v1/indicators/people.roleHolders/values?from=2026-01-01&to=2026-12-31&groupBy=orgUnit,role',
      )
    ).json();
    const a1 = org.units.villageA1.id;
    expect(cellSum(v, a1)).toBe(2);
    expect(marginOf(v, a1)).toBe(1);
    expect(v.total).toBe(1);
  });

  it('additive tables get margins equal to the sums of their cells', async () => {
    const v = await get('activities.sessions', 'from=2026-01-01&to=2026-12-31&groupBy=orgUnit,type');
    expect(marginOf(v, org.units.townA.id)).toBe(cellSum(v, org.units.townA.id));
    expect(colMarginOf(v, 'outreach')).toBe(v.total);
  });
});

describe('indicators: drilled records serve the person reading them', () => {
  const drill = (s: Session, key: string, query: string) =>
    call(t.app, s, 'GET', `/api/v1/indicators/${key}/records?from=2026-01-01&to=2026-12-31&${query}`);

  it("a town's own records are their own bar: its unit group drills (value=direct) to what the town recorded itself", async () => {
    const townB = org.units.townB.id;
    const byVillage = (
      await values(county, `from=2026-01-01&to=2026-12-31&groupBy=orgUnit&orgUnitId=${townB}`)
    ).json();
    const own = byVillage.rows.find((r: { group: string | null }) => r.group === null);
    expect(own?.value).toBe(1);
    const res = await drill(county, 'org.sites', `orgUnitId=${townB}&dimension=orgUnit&value=direct`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(own.value);
    expect(res.json().items).toEqual([
      expect.objectContaining({ label: '乙镇研学基地', orgUnitName: '乙镇妇联' }),
    ]);
    // A level further down: what the county and the towns recorded themselves, not a village's.
    const above = (await drill(county, 'org.sites', 'dimension=orgUnit2&value=direct')).json();
    expect(above.items.map((r: { label: string }) => r.label)).toEqual(['乙镇研学基地']);
  });

  it('each record shows its type and, for a sum, what it adds (人次)', async () => {
    const sites = (await drill(county, 'org.sites', 'dimension=kind&value=womenHome')).json();
    expect(sites.items[0]).toMatchObject({
      amount: null,
      type: { dimension: 'kind', value: 'womenHome', label: '妇女之家' },
    });
    const att = (
      await drill(county, 'activities.attendances', `dimension=orgUnit&value=${org.units.townA.id}`)
    ).json();
    expect(att.items.map((r: { amount: number }) => r.amount).sort((a: number, b: number) => a - b)).toEqual([
      25, 30, 40,
    ]);
    expect(att.items[0].type).toMatchObject({ dimension: 'type', value: 'outreach' });
  });

  it('exports the drilled list to Excel: the same rows, within the caller’s scope, audited', async () => {
    const query = `from=2026-01-01&to=2026-12-31&dimension=orgUnit&value=${org.units.townA.id}`;
    const res = await call(
      t.app,
      county,
      'GET',
      `/api/v1/indicators/activities.attendances/records/export?${query}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1)).toEqual(['记录', '所属组织', '日期', '类型', '人次']);
    const listed = (
      await drill(county, 'activities.attendances', `dimension=orgUnit&value=${org.units.townA.id}`)
    ).json();
    expect(rows.length - 1).toBe(listed.total);
    expect(
      rows
        .slice(1)
        .map((r) => r[5])
        .sort(),
    ).toEqual(listed.items.map((r: { amount: number }) => r.amount).sort());
    const { rows: audit } = await t.db.$client.query(
      `select after from audit_log where action = 'export' and entity_type = 'indicatorRecords' order by at desc limit 1`,
    );
    expect(audit[0].after).toMatchObject({ indicatorKey: 'activities.attendances', rows: listed.total });

    const village = await login(t.app, 'villageA2');
    const foreign = await call(
      t.app,
      village,
      'GET',
      `/api/v1/indicators/org.sites/records/export?from=2026-01-01&to=2026-12-31&orgUnitId=${org.units.villageA1.id}`,
    );
    expect(foreign.statusCode).toBe(404);
  });
});
