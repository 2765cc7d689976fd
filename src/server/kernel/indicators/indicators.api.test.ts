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
