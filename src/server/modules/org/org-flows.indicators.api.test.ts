import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

// What was founded, opened or held in a period (org.unitsFounded, org.sitesOpened, org.elections,
// people.teamsFounded), and chairs by the kind of unit they serve (people.roleHolders{unitKind}):
// counted from their one source, by kind with labels, and drilled down to the named, dated records.
let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
const Y2025 = 'from=2025-01-01&to=2025-12-31';
type Values = {
  total: number;
  rows: { group: string | null; label: string | null; value: number }[];
};
const get = async (s: Session, key: string, query: string) => {
  const res = await call(t.app, s, 'GET', `/api/v1/indicators/${key}/values?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Values;
};
const byGroup = (v: Values) => Object.fromEntries(v.rows.map((r) => [r.group ?? '', r.value]));
const records = async (key: string, query: string) => {
  const res = await call(t.app, county, 'GET', `/api/v1/indicators/${key}/records?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number;
    items: { label: string; date: string | null; orgUnitName: string; type: { label: string } | null }[];
  };
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  const { townA, townB, villageA1, villageB1, enterpriseA } = org.units;
  const exec = (text: string, params: unknown[]) => t.db.$client.query(text, params);
  await exec(`update org_units set founded_on = '2025-06-18' where id = $1`, [enterpriseA.id]);
  await exec(`update org_units set founded_on = '2019-01-01' where id = $1`, [townA.id]);
  // A new-sector federation founded in 2025 and one founded in 2026.
  for (const [name, founded] of [
    ['甲镇快递行业妇联', '2025-09-01'],
    ['甲镇网约车妇联', '2026-02-01'],
  ])
    await exec(
      `with id as (select gen_random_uuid() as id)
       insert into org_units (id, parent_id, kind, name, path, depth, founded_on)
       select id, $1, 'newSector', $2, $3 || id::text || '/', 2, $4 from id`,
      [townA.id, name, townA.path, founded],
    );
  const site = (unit: typeof townA, name: string, kind: string, opened: string | null, deleted = false) =>
    exec(
      `insert into sites (id, org_unit_id, org_path, kind, name, opened_on, deleted_at)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`,
      [unit.id, unit.path, kind, name, opened, deleted ? '2025-12-01T00:00:00Z' : null],
    );
  await site(villageA1, '甲一村妇女之家', 'womenHome', '2025-03-08');
  await site(villageB1, '乙一村儿童之家', 'childrenHome', '2025-11-20');
  await site(townA, '甲镇巾帼服务站', 'womenHome', '2024-05-01');
  await site(villageB1, '乙一村旧阵地', 'womenHome', '2025-04-01', true);
  await site(villageB1, '乙一村无日期阵地', 'womenHome', null);
  const election = (unit: typeof townA, heldOn: string) =>
    exec(
      `insert into elections (id, org_unit_id, org_path, held_on) values (gen_random_uuid(), $1, $2, $3)`,
      [unit.id, unit.path, heldOn],
    );
  await election(villageA1, '2025-04-10');
  await election(villageB1, '2025-05-12');
  await election(townA, '2025-10-30');
  await election(townB, '2021-10-30');
  const person = async (unit: typeof townA, name: string) =>
    (
      await exec(
        `insert into persons (id, org_unit_id, org_path, name, name_pinyin) values (gen_random_uuid(), $1, $2, $3, 'x') returning id`,
        [unit.id, unit.path, name],
      )
    ).rows[0].id as string;
  const term = (p: string, unit: typeof townA, role: string, started: string, ended: string | null) =>
    exec(
      `insert into role_terms (id, person_id, org_unit_id, org_path, role, started_on, ended_on)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`,
      [p, unit.id, unit.path, role, started, ended],
    );
  await term(await person(townA, '甲镇主席'), townA, 'chair', '2021-01-01', null);
  await term(await person(villageA1, '甲一村主席'), villageA1, 'chair', '2021-01-01', null);
  await term(await person(villageB1, '乙一村主席'), villageB1, 'chair', '2021-01-01', null);
  await term(await person(villageB1, '乙一村前主席'), villageB1, 'chair', '2016-01-01', '2020-12-31');
  await term(await person(villageB1, '乙一村执委'), villageB1, 'executiveMember', '2021-01-01', null);
  const team = (unit: typeof townA, name: string, kind: string, founded: string | null) =>
    exec(
      `insert into volunteer_teams (id, org_unit_id, org_path, name, kind, founded_on)
       values (gen_random_uuid(), $1, $2, $3, $4, $5)`,
      [unit.id, unit.path, name, kind, founded],
    );
  await team(villageA1, '甲一村矛盾纠纷调解队', 'mediationTeam', '2025-07-01');
  await team(townA, '甲镇巾帼宣讲队', 'lectureTeam', '2025-03-01');
  await team(villageB1, '乙一村志愿服务队', 'serviceTeam', '2023-01-01');
  await team(villageB1, '乙一村无日期队', 'serviceTeam', null);
});
afterAll(() => t.close());

describe('flow indicators of the organisation', () => {
  it('org.unitsFounded counts the federations founded in the period by kind, named and dated', async () => {
    const v = await get(county, 'org.unitsFounded', `${Y2025}&groupBy=kind`);
    expect(v.total).toBe(2);
    expect(v.rows.map((r) => [r.group, r.label, r.value])).toEqual([
      ['enterprise', '企业妇联', 1],
      ['newSector', '新领域妇联（两新/四新）', 1],
    ]);
    const r = await records('org.unitsFounded', `${Y2025}`);
    expect(r.items.map((i) => [i.label, i.date]).sort()).toEqual([
      ['甲镇快递行业妇联', '2025-09-01'],
      ['甲镇某公司妇联', '2025-06-18'],
    ]);
    expect((await get(county, 'org.unitsFounded', 'from=2026-01-01&to=2026-12-31')).total).toBe(1);
    const byMonth = await get(county, 'org.unitsFounded', `${Y2025}&groupBy=orgUnit`);
    expect(byGroup(byMonth)).toEqual({ [org.units.townA.id]: 2 });
  });

  it('org.sitesOpened counts live sites opened in the period by kind', async () => {
    const v = await get(county, 'org.sitesOpened', `${Y2025}&groupBy=kind`);
    expect(v.total).toBe(2);
    expect(byGroup(v)).toEqual({ womenHome: 1, childrenHome: 1 });
    expect(v.rows.find((r) => r.group === 'childrenHome')?.label).toBe('儿童之家');
    const r = await records('org.sitesOpened', Y2025);
    expect(r.items.map((i) => [i.label, i.date]).sort()).toEqual([
      ['乙一村儿童之家', '2025-11-20'],
      ['甲一村妇女之家', '2025-03-08'],
    ]);
  });

  it('org.elections counts the 换届 held in the period by the kind of unit, with the unit and date', async () => {
    const v = await get(county, 'org.elections', `${Y2025}&groupBy=kind`);
    expect(v.total).toBe(3);
    expect(byGroup(v)).toEqual({ village: 2, town: 1 });
    expect(v.rows.find((r) => r.group === 'village')?.label).toBe('村妇联');
    const r = await records('org.elections', Y2025);
    expect(r.items.map((i) => [i.orgUnitName, i.date]).sort()).toEqual([
      ['乙一村妇联', '2025-05-12'],
      ['甲一村妇联', '2025-04-10'],
      ['甲镇妇联', '2025-10-30'],
    ]);
    const town = await login(t.app, 'townA');
    expect((await get(town, 'org.elections', Y2025)).total).toBe(2);
  });

  it('people.roleHolders by unitKind tells village chairs from the town chair, totals unchanged', async () => {
    const all = await get(county, 'people.roleHolders', `${Y2025}`);
    const byKind = await get(county, 'people.roleHolders', `${Y2025}&groupBy=unitKind`);
    expect(byKind.total).toBe(all.total);
    expect(all.total).toBe(4);
    expect(byGroup(byKind)).toEqual({ town: 1, village: 3 });
    expect(byKind.rows.find((r) => r.group === 'village')?.label).toBe('村妇联');
    const chairs = await call(
      t.app,
      county,
      'GET',
      `/api/v1/indicators/people.roleHolders/records?${Y2025}&dimension=role&value=chair&dimension2=unitKind&value2=village`,
    );
    expect(chairs.statusCode, chairs.body).toBe(200);
    expect(
      chairs
        .json()
        .items.map((i: { label: string }) => i.label)
        .sort(),
    ).toEqual(['乙一村主席', '甲一村主席'].sort());
    // One figure for the chairs of villages (one filter, as the summary's figures carry), labelled.
    const roleAt = await get(county, 'people.roleHolders', `${Y2025}&groupBy=roleAt`);
    expect(roleAt.total).toBe(all.total);
    expect(byGroup(roleAt)).toEqual({ 'chair@village': 2, 'chair@town': 1, 'executiveMember@village': 1 });
    expect(roleAt.rows.find((r) => r.group === 'chair@village')?.label).toBe('村妇联主席');
  });

  it('people.teamsFounded counts the teams founded in the period by labelled kind', async () => {
    const v = await get(county, 'people.teamsFounded', `${Y2025}&groupBy=kind`);
    expect(v.total).toBe(2);
    expect(v.rows.map((r) => [r.group, r.label]).sort()).toEqual(
      [
        ['lectureTeam', '宣讲队'],
        ['mediationTeam', '调解队'],
      ].sort(),
    );
    const r = await records('people.teamsFounded', Y2025);
    expect(r.items.map((i) => [i.label, i.date]).sort()).toEqual([
      ['甲一村矛盾纠纷调解队', '2025-07-01'],
      ['甲镇巾帼宣讲队', '2025-03-01'],
    ]);
  });
});
