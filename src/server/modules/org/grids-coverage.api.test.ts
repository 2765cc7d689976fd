import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridCoverage } from '../../../contracts/org-ledgers';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let villageA2: Session;
let member: { id: string };

const gridsUrl = '/api/v1/org/grids';
const coverageUrl = '/api/v1/org/grids-coverage';

const created = async (url: string, body: unknown) => {
  const res = await call(t.app, town, 'POST', url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const household = (unit: string, address: string) =>
  created('/api/v1/people/households', { orgUnitId: org.units[unit].id, address });
const person = (unit: string, name: string, householdId?: string, tags: string[] = []) =>
  created('/api/v1/people/persons', { orgUnitId: org.units[unit].id, name, householdId, tags });
const assign = (gridId: string, householdIds: string[]) =>
  call(t.app, town, 'POST', `${gridsUrl}/${gridId}/households`, { householdIds });

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  villageA2 = await login(t.app, 'villageA2');
});
afterAll(() => t.close());

type Row = Record<string, unknown>;

// Grid names come back in the database's collation order; compare them as sets.
const sortedGrids = (members: GridCoverage['overloadedMembers']) =>
  members.map((m) => ({ ...m, grids: [...m.grids].sort() }));

/** The coverage report worked out here from the raw tables, independently of the repository SQL. */
const expectedCoverage = async (scopePath: string, maxPersons: number, maxSpecial: number) => {
  const q = async (sql: string) => (await t.db.$client.query(sql)).rows as Row[];
  const hs = (await q('select id, org_path, grid_id, deleted_at from households')).filter(
    (h) => !h.deleted_at && String(h.org_path).startsWith(scopePath),
  );
  const gs = (await q('select id, name, org_path, member_person_id, deleted_at from grids')).filter(
    (g) => !g.deleted_at && String(g.org_path).startsWith(scopePath),
  );
  const ps = (await q('select id, name, household_id, tags, deleted_at from persons')).filter(
    (p) => !p.deleted_at,
  );
  const live = new Map(ps.map((p) => [p.id, p]));
  const gridOf = new Map(gs.map((g) => [g.id, g]));
  const uncovered = hs.filter((h) => {
    const g = gridOf.get(h.grid_id);
    return !g || !live.has(g.member_person_id);
  });
  const special = ['留守妇女', '留守儿童', '困境儿童', '困境妇女', '残疾', '低保', '特困'];
  const load = new Map<string, { grids: string[]; persons: number; special: number }>();
  for (const g of gs) {
    if (!live.has(g.member_person_id)) continue;
    const m = load.get(g.member_person_id as string) ?? { grids: [], persons: 0, special: 0 };
    m.grids.push(g.name as string);
    for (const h of hs.filter((x) => x.grid_id === g.id)) {
      const members = ps.filter((p) => p.household_id === h.id);
      m.persons += members.length;
      if (members.some((p) => (p.tags as string[]).some((tag) => special.includes(tag)))) m.special += 1;
    }
    load.set(g.member_person_id as string, m);
  }
  const overloaded = [...load.entries()]
    .filter(([, m]) => m.persons > maxPersons || m.special > maxSpecial)
    .map(([id, m]) => ({
      personId: id,
      name: live.get(id)?.name,
      grids: m.grids.sort(),
      personCount: m.persons,
      specialFamilyCount: m.special,
    }));
  return { householdCount: hs.length, uncovered, overloaded };
};

describe('coverage', () => {
  beforeAll(async () => {
    // 甲一村: 王执委 covers 东岭网格 (3 persons, none special) and 南坡网格 (4 persons, 2 special
    // families); 北坡网格 has no member; 东岭路3号 is in no grid; a deleted household is ignored.
    member = await person('villageA1', '王执委');
    const east = await created(gridsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '东岭网格',
      memberPersonId: member.id,
    });
    const h1 = await household('villageA1', '东岭路1号');
    await person('villageA1', '东一甲', h1.id);
    await person('villageA1', '东一乙', h1.id);
    const h2 = await household('villageA1', '东岭路2号');
    const leaving = await person('villageA1', '东二甲', h2.id, ['特困']);
    await call(t.app, town, 'DELETE', `/api/v1/people/persons/${leaving.id}?version=1`);
    await person('villageA1', '东二乙', h2.id);
    expect((await assign(east.id, [h1.id, h2.id])).statusCode).toBe(200);
    await household('villageA1', '东岭路3号');
    const gone = await household('villageA1', '东岭路拆迁户');
    await call(t.app, town, 'DELETE', `/api/v1/people/households/${gone.id}?version=1`);
    const south = await created(gridsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '南坡网格',
      memberPersonId: member.id,
    });
    const special1 = await household('villageA1', '南坡1号');
    await person('villageA1', '南一甲', special1.id, ['留守儿童']);
    await person('villageA1', '南一乙', special1.id, ['留守妇女', '低保']);
    const special2 = await household('villageA1', '南坡2号');
    await person('villageA1', '南二甲', special2.id, ['残疾']);
    const plain = await household('villageA1', '南坡3号');
    await person('villageA1', '南三甲', plain.id, ['单亲']);
    expect((await assign(south.id, [special1.id, special2.id, plain.id])).statusCode).toBe(200);
    const memberless = await created(gridsUrl, { orgUnitId: org.units.villageA1.id, name: '北坡网格' });
    const north = await household('villageA1', '北坡1号');
    expect((await assign(memberless.id, [north.id])).statusCode).toBe(200);
    // 甲二村: a grid whose member was later deleted.
    const coverMember = await person('villageA2', '甲二村联系人');
    const a2grid = await created(gridsUrl, {
      orgUnitId: org.units.villageA2.id,
      name: '甲二村中心网格',
      memberPersonId: coverMember.id,
    });
    const a2 = await household('villageA2', '甲二村中街1号');
    expect((await assign(a2grid.id, [a2.id])).statusCode).toBe(200);
    await call(t.app, town, 'DELETE', `/api/v1/people/persons/${coverMember.id}?version=1`);
  });

  it.each([
    ['the defaults', '', 50, 3],
    ['tight limits', 'maxPersons=5&maxSpecialFamilies=1', 5, 1],
    ['a person limit only', 'maxPersons=6&maxSpecialFamilies=100', 6, 100],
    ['a special-family limit only', 'maxPersons=1000&maxSpecialFamilies=1', 1000, 1],
    ['limits equal to the load (not over)', 'maxPersons=7&maxSpecialFamilies=2', 7, 2],
  ])('matches an independent count with %s', async (_label, query, maxPersons, maxSpecial) => {
    const res = await call(t.app, town, 'GET', `${coverageUrl}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const got: GridCoverage = res.json();
    const want = await expectedCoverage(org.units.townA.path, maxPersons, maxSpecial);
    expect(got.householdCount).toBe(want.householdCount);
    expect(got.uncoveredHouseholdCount).toBe(want.uncovered.length);
    expect(got.uncoveredHouseholds.map((h) => h.id).sort()).toEqual(want.uncovered.map((h) => h.id).sort());
    expect(sortedGrids(got.overloadedMembers)).toEqual(want.overloaded);
    if (maxPersons === 7) expect(got.overloadedMembers).toEqual([]);
    if (maxSpecial === 1) expect(got.overloadedMembers).toHaveLength(1);
  });

  it('gives the reason and the label of each uncovered household', async () => {
    const got: GridCoverage = (await call(t.app, town, 'GET', coverageUrl)).json();
    const byLabel = new Map(got.uncoveredHouseholds.map((h) => [h.label, h]));
    expect(byLabel.get('北坡1号')).toMatchObject({ reason: 'noMember', orgUnitName: '甲一村妇联' });
    expect(byLabel.get('甲二村中街1号')).toMatchObject({ reason: 'noMember', orgUnitName: '甲二村妇联' });
    expect(byLabel.get('东岭路3号')).toMatchObject({ reason: 'noGrid' });
    expect(byLabel.has('东岭路1号')).toBe(false);
    expect(byLabel.has('东岭路拆迁户')).toBe(false);
  });

  it('with tight limits 王执委 is overloaded: 7 persons, 2 special families, both grids', async () => {
    const got: GridCoverage = (
      await call(t.app, town, 'GET', `${coverageUrl}?maxPersons=5&maxSpecialFamilies=1`)
    ).json();
    expect(sortedGrids(got.overloadedMembers)).toEqual([
      {
        personId: member.id,
        name: '王执委',
        grids: ['东岭网格', '南坡网格'].sort(),
        personCount: 7,
        specialFamilyCount: 2,
      },
    ]);
  });

  it('narrows to one village, and a sibling village sees only its own', async () => {
    const narrowed: GridCoverage = (
      await call(t.app, town, 'GET', `${coverageUrl}?orgUnitId=${org.units.villageA2.id}`)
    ).json();
    const want = await expectedCoverage(org.units.villageA2.path, 50, 3);
    expect(narrowed.householdCount).toBe(want.householdCount);
    expect(narrowed.uncoveredHouseholds.every((h) => h.orgUnitName === '甲二村妇联')).toBe(true);
    const own = await call(t.app, villageA2, 'GET', `${coverageUrl}?maxPersons=1&maxSpecialFamilies=0`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('甲一村');
    expect(own.body).not.toContain('王执委');
    const foreign = await call(t.app, villageA2, 'GET', `${coverageUrl}?orgUnitId=${org.units.villageA1.id}`);
    expect(foreign.statusCode).toBe(404);
  });

  it('lists at most 200 uncovered households but counts them all', async () => {
    await t.db.$client.query(
      `insert into households (id, org_unit_id, org_path, address)
       select gen_random_uuid(), $1, $2, '甲二村新区' || n || '号' from generate_series(1, 210) n`,
      [org.units.villageA2.id, org.units.villageA2.path],
    );
    const got: GridCoverage = (await call(t.app, town, 'GET', coverageUrl)).json();
    const want = await expectedCoverage(org.units.townA.path, 50, 3);
    expect(want.uncovered.length).toBeGreaterThan(210);
    expect(got.uncoveredHouseholdCount).toBe(want.uncovered.length);
    expect(got.uncoveredHouseholds).toHaveLength(200);
  });

  it('validates the limits', async () => {
    const res = await call(t.app, town, 'GET', `${coverageUrl}?maxPersons=0`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('maxPersons');
  });
});
