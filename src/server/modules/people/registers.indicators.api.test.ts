import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

// The register indicators (org.units, org.grids, org.womenGroups, people.persons, people.households,
// people.volunteerTeams, people.volunteers): each counted from its one source, equal to a count done
// here, by dimension, by unit at every level, and drilled down to its records.
let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
const YEAR = 'from=2026-01-01&to=2026-12-31';
const get = async (s: Session, key: string, query: string) => {
  const res = await call(t.app, s, 'GET', `/api/v1/indicators/${key}/values?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number;
    rows: { group: string | null; group2?: string | null; value: number }[];
    margins?: { group: { group: string | null; value: number }[] };
  };
};
const byGroup = (v: { rows: { group: string | null; value: number }[] }) =>
  Object.fromEntries(v.rows.map((r) => [r.group ?? '', r.value]));
const records = async (key: string, query: string) =>
  (await call(t.app, county, 'GET', `/api/v1/indicators/${key}/records?${YEAR}&${query}`)).json() as {
    total: number;
    items: { label: string }[];
  };

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  const { villageA1: a1, villageA2: a2, villageB1: b1, townA } = org.units;
  const q = async (text: string, params: unknown[]) =>
    (await t.db.$client.query(text, params)).rows[0]?.id as string;
  const entered = '2026-03-01T08:00:00Z';
  const person = (unit: typeof a1, name: string, gender: string, tags: string[], deleted = false) =>
    q(
      `insert into persons (id, org_unit_id, org_path, name, name_pinyin, gender, tags, created_at, deleted_at)
       values (gen_random_uuid(), $1, $2, $3, 'x', $4, $5, $6, $7) returning id`,
      [unit.id, unit.path, name, gender, tags, entered, deleted ? entered : null],
    );
  const p1 = await person(a1, '张留守', 'female', ['留守妇女', '低保']);
  const p2 = await person(a1, '李无标', 'female', []);
  const p3 = await person(b1, '王留守', 'male', ['留守妇女']);
  await person(a2, '已删除', 'female', ['低保'], true);
  const grid = (unit: typeof a1, name: string, member: string | null, deleted = false) =>
    q(
      `insert into grids (id, org_unit_id, org_path, name, member_person_id, created_at, deleted_at)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6) returning id`,
      [unit.id, unit.path, name, member, entered, deleted ? entered : null],
    );
  const g1 = await grid(a1, '甲一村第一网格', p1);
  const g2 = await grid(b1, '乙一村第一网格', null);
  const g3 = await grid(b1, '乙一村已撤网格', null, true);
  const household = (unit: typeof a1, address: string, gridId: string | null) =>
    q(
      `insert into households (id, org_unit_id, org_path, address, grid_id, created_at)
       values (gen_random_uuid(), $1, $2, $3, $4, $5) returning id`,
      [unit.id, unit.path, address, gridId, entered],
    );
  const h1 = await household(a1, '甲一村1号', g1);
  const h2 = await household(a1, '甲一村2号', null);
  const h3 = await household(b1, '乙一村1号', g3); // its grid was removed: not covered
  for (const [p, h] of [
    [p1, h1],
    [p2, h2],
    [p3, h3],
  ])
    await t.db.$client.query('update persons set household_id = $2 where id = $1', [p, h]);
  for (const [gridId, unit, name, leader] of [
    [g1, a1, '甲一村妇女小组', p1],
    [g2, b1, '乙一村妇女小组', null],
    [g3, b1, '已撤网格的小组', null],
  ] as const)
    await q(
      `insert into women_groups (id, grid_id, org_unit_id, org_path, name, leader_person_id, created_at)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6) returning id`,
      [gridId, unit.id, unit.path, name, leader, entered],
    );
  const team = (unit: typeof a1, name: string, kind: string, foundedOn: string | null) =>
    q(
      `insert into volunteer_teams (id, org_unit_id, org_path, name, kind, founded_on)
       values (gen_random_uuid(), $1, $2, $3, $4, $5) returning id`,
      [unit.id, unit.path, name, kind, foundedOn],
    );
  const t1 = await team(a1, '甲一村宣讲队', 'lectureTeam', '2025-05-01');
  const t2 = await team(townA, '甲镇服务队', 'serviceTeam', null);
  const t3 = await team(b1, '乙一村护林队', 'forestTeam', '2027-01-01');
  for (const [teamId, personId, joinedOn] of [
    [t1, p1, null],
    [t2, p1, null],
    [t1, p2, '2027-02-01'],
    [t3, p3, null],
  ])
    await t.db.$client.query(
      'insert into volunteer_team_members (team_id, person_id, joined_on) values ($1, $2, $3)',
      [teamId, personId, joinedOn],
    );
});
afterAll(() => t.close());

describe('register indicators', () => {
  it('lists the new indicators with their zh-CN labels', async () => {
    const items = (await call(t.app, county, 'GET', '/api/v1/indicators')).json().items as {
      key: string;
      label: { zh: string };
    }[];
    const labels = Object.fromEntries(items.map((i) => [i.key, i.label.zh]));
    expect(labels).toMatchObject({
      'org.units': '妇联组织数',
      'org.grids': '网格数',
      'org.womenGroups': '妇女小组数',
      'people.persons': '人员数',
      'people.households': '户数',
      'people.volunteerTeams': '志愿服务队数',
      'people.volunteers': '志愿者人数',
    });
  });

  it('org.units counts the live federations by kind, equal to a count done here; a town counts itself and its villages', async () => {
    const v = await get(county, 'org.units', `${YEAR}&groupBy=kind`);
    const { rows } = await t.db.$client.query(
      `select kind, count(*)::int as n from org_units where deleted_at is null and dissolved_on is null group by kind`,
    );
    expect(byGroup(v)).toEqual(
      Object.fromEntries(rows.map((r: { kind: string; n: number }) => [r.kind, r.n])),
    );
    const town = await login(t.app, 'townA');
    const townRows = await get(town, 'org.units', `${YEAR}&groupBy=orgUnit`);
    expect(townRows.total).toBe(4); // 甲镇 itself, two villages, one enterprise
    expect(byGroup(townRows)).toMatchObject({ '': 1, [org.units.villageA1.id]: 1 });
  });

  it('org.grids and org.womenGroups count live grids and the groups in them', async () => {
    const grids = await get(county, 'org.grids', `${YEAR}&groupBy=member`);
    expect(grids.total).toBe(2);
    expect(byGroup(grids)).toEqual({ assigned: 1, unassigned: 1 });
    const byTown = await get(county, 'org.grids', `${YEAR}&groupBy=orgUnit`);
    expect(byGroup(byTown)).toEqual({ [org.units.townA.id]: 1, [org.units.townB.id]: 1 });
    expect((await get(county, 'org.grids', 'from=2025-01-01&to=2025-12-31')).total).toBe(0);
    const drilled = await records('org.grids', 'dimension=member&value=assigned');
    expect(drilled.items.map((r) => r.label)).toEqual(['甲一村第一网格']);
    const groups = await get(county, 'org.womenGroups', `${YEAR}&groupBy=leader`);
    expect(groups.total).toBe(2);
    expect(byGroup(groups)).toEqual({ assigned: 1, unassigned: 1 });
  });

  it('people.persons by tag counts a person once per tag and once in a total and in her unit row', async () => {
    const tags = await get(county, 'people.persons', `${YEAR}&groupBy=tag`);
    expect(tags.total).toBe(3);
    expect(byGroup(tags)).toEqual({ 留守妇女: 2, 低保: 1, '': 1 });
    const town = await login(t.app, 'townA');
    const cross = await get(town, 'people.persons', `${YEAR}&groupBy=orgUnit,tag`);
    const a1 = org.units.villageA1.id;
    expect(cross.rows.filter((r) => r.group === a1).reduce((a, r) => a + r.value, 0)).toBe(3);
    expect(cross.margins?.group.find((m) => m.group === a1)?.value).toBe(2);
    const covered = await get(county, 'people.persons', `${YEAR}&groupBy=inGrid`);
    expect(byGroup(covered)).toEqual({ covered: 1, uncovered: 2 });
    const drilled = await records('people.persons', 'dimension=tag&value=留守妇女');
    expect(drilled.items.map((r) => r.label).sort()).toEqual(['张留守', '王留守'].sort());
    const women = await get(county, 'people.persons', `${YEAR}&groupBy=gender`);
    expect(byGroup(women)).toEqual({ female: 2, male: 1 });
  });

  it('people.households by grid coverage (a household in a removed grid is not covered)', async () => {
    const v = await get(county, 'people.households', `${YEAR}&groupBy=inGrid`);
    expect(v.total).toBe(3);
    expect(byGroup(v)).toEqual({ covered: 1, uncovered: 2 });
    const { rows } = await t.db.$client.query(
      `select count(*)::int as n from households h join grids g on g.id = h.grid_id and g.deleted_at is null where h.deleted_at is null`,
    );
    expect(byGroup(v).covered).toBe(rows[0].n);
  });

  it('people.volunteerTeams and people.volunteers at the period end: a member of two teams is one volunteer', async () => {
    const teams = await get(county, 'people.volunteerTeams', `${YEAR}&groupBy=kind`);
    expect(byGroup(teams)).toEqual({ lectureTeam: 1, serviceTeam: 1 });
    expect((await get(county, 'people.volunteerTeams', 'from=2027-01-01&to=2027-12-31')).total).toBe(3);
    const volunteers = await get(county, 'people.volunteers', `${YEAR}&groupBy=kind`);
    expect(byGroup(volunteers)).toEqual({ lectureTeam: 1, serviceTeam: 1 });
    expect(volunteers.total).toBe(1);
    const byTown = await get(county, 'people.volunteers', `${YEAR}&groupBy=orgUnit,kind`);
    expect(byTown.margins?.group.find((m) => m.group === org.units.townA.id)?.value).toBe(1);
    expect((await get(county, 'people.volunteers', 'from=2027-01-01&to=2027-12-31')).total).toBe(3);
    const drilled = await records('people.volunteers', 'dimension=kind&value=lectureTeam');
    expect(drilled.items.map((r) => r.label)).toEqual(['张留守（甲一村宣讲队）']);
  });

  it('a village sees only its own registers', async () => {
    const village = await login(t.app, 'villageA1');
    expect((await get(village, 'people.persons', YEAR)).total).toBe(2);
    expect((await get(village, 'org.grids', YEAR)).total).toBe(1);
    expect((await get(village, 'people.volunteers', YEAR)).total).toBe(1);
  });
});
