import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
const ids: Record<string, string> = {};

const person = async (name: string, unit = org.units.villageA1.id) => {
  const res = await call(t.app, town, 'POST', '/api/v1/people/persons', { orgUnitId: unit, name });
  ids[name] = res.json().id;
  return res.json().id as string;
};

const holders = async (role: string, on: string, unit = org.units.villageA1.id) =>
  (
    await call(
      t.app,
      town,
      'GET',
      `/api/v1/people/role-terms?orgUnitId=${unit}&role=${role}&activeOn=${on}&pageSize=200`,
    )
  )
    .json()
    .items.map((x: { personName: string }) => x.personName)
    .sort();

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  for (const n of ['赵春梅', '钱丽娟', '孙海燕', '李雪梅', '周晓红', '吴美玲']) await person(n);
});
afterAll(() => t.close());

describe('roles with terms and elections (换届)', () => {
  it('records a role term; an overlapping term of the same role is refused; company only for entrepreneurs', async () => {
    const ok = await call(t.app, town, 'POST', '/api/v1/people/role-terms', {
      personId: ids.吴美玲,
      orgUnitId: org.units.villageA1.id,
      role: 'forestChief',
      startedOn: '2024-01-01',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ personName: '吴美玲', role: 'forestChief', endedOn: null });
    const overlap = await call(t.app, town, 'POST', '/api/v1/people/role-terms', {
      personId: ids.吴美玲,
      orgUnitId: org.units.villageA1.id,
      role: 'forestChief',
      startedOn: '2025-01-01',
    });
    expect(overlap.statusCode).toBe(409);
    const company = await call(t.app, town, 'POST', '/api/v1/people/role-terms', {
      personId: ids.吴美玲,
      orgUnitId: org.units.villageA1.id,
      role: 'volunteer',
      startedOn: '2024-01-01',
      company: '某公司',
    });
    expect(company.statusCode).toBe(400);
    const backwards = await call(t.app, town, 'POST', '/api/v1/people/role-terms', {
      personId: ids.吴美玲,
      orgUnitId: org.units.villageA1.id,
      role: 'mediator',
      startedOn: '2024-05-01',
      endedOn: '2024-04-01',
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('an election ends the previous leadership the day before and starts the new terms; history is kept', async () => {
    const first = await call(t.app, town, 'POST', '/api/v1/org/elections', {
      orgUnitId: org.units.villageA1.id,
      heldOn: '2021-06-15',
      seats: 15,
      chairId: ids.赵春梅,
      viceChairIds: [ids.钱丽娟],
      executiveMemberIds: [ids.赵春梅, ids.钱丽娟, ids.孙海燕],
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ endedTerms: 0, seats: 15 });
    expect(first.json().elected).toHaveLength(5);
    const second = await call(t.app, town, 'POST', '/api/v1/org/elections', {
      orgUnitId: org.units.villageA1.id,
      heldOn: '2026-06-20',
      chairId: ids.李雪梅,
      viceChairIds: [ids.周晓红],
      executiveMemberIds: [ids.李雪梅, ids.周晓红, ids.孙海燕],
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().endedTerms).toBe(5);
    expect(await holders('chair', '2026-06-19')).toEqual(['赵春梅']);
    expect(await holders('chair', '2026-06-20')).toEqual(['李雪梅']);
    expect(await holders('executiveMember', '2026-07-01')).toEqual(['周晓红', '孙海燕', '李雪梅'].sort());
    const ended = (
      await call(t.app, town, 'GET', `/api/v1/people/role-terms?personId=${ids.赵春梅}&role=chair`)
    ).json().items[0];
    expect(ended.endedOn).toBe('2026-06-19');
    const history = (
      await call(t.app, town, 'GET', `/api/v1/org/elections?orgUnitId=${org.units.villageA1.id}`)
    ).json();
    expect(history.items.map((e: { heldOn: string }) => e.heldOn)).toEqual(['2026-06-20', '2021-06-15']);
    // The forest-chief term is not part of the election and stays open.
    expect(await holders('forestChief', '2026-07-01')).toEqual(['吴美玲']);
  });

  it('refuses an election dated before the last one, a chair who is also vice-chair, and persons from elsewhere', async () => {
    const earlier = await call(t.app, town, 'POST', '/api/v1/org/elections', {
      orgUnitId: org.units.villageA1.id,
      heldOn: '2025-01-01',
      chairId: ids.孙海燕,
    });
    expect(earlier.statusCode).toBe(409);
    const both = await call(t.app, town, 'POST', '/api/v1/org/elections', {
      orgUnitId: org.units.villageA2.id,
      heldOn: '2026-01-01',
      chairId: ids.孙海燕,
      viceChairIds: [ids.孙海燕],
    });
    expect(both.statusCode).toBe(400);
    const townB = await login(t.app, 'townB');
    const foreign = (
      await call(t.app, townB, 'POST', '/api/v1/people/persons', {
        orgUnitId: org.units.villageB1.id,
        name: '乙镇人员',
      })
    ).json();
    const res = await call(t.app, town, 'POST', '/api/v1/org/elections', {
      orgUnitId: org.units.villageA2.id,
      heldOn: '2026-01-01',
      chairId: foreign.id,
    });
    expect(res.statusCode).toBe(404);
  });

  it('people.roleHolders counts persons holding each role on the period end, equal to a count done here', async () => {
    const values = (
      await call(
        t.app,
        town,
        'GET',
        '/api/v1/indicators/people.roleHolders/values?from=2026-01-01&to=2026-12-31&groupBy=role',
      )
    ).json();
    const { rows } = await t.db.$client.query(
      `select role, count(distinct person_id)::int as n from role_terms
       where deleted_at is null and started_on <= '2026-12-31' and (ended_on is null or ended_on >= '2026-12-31')
       group by role`,
    );
    const expected = Object.fromEntries(rows.map((r: { role: string; n: number }) => [r.role, r.n]));
    const got = Object.fromEntries(
      values.rows.map((r: { group: string; value: number }) => [r.group, r.value]),
    );
    expect(got).toEqual(expected);
    expect(got).toEqual({ chair: 1, viceChair: 1, executiveMember: 3, forestChief: 1 });
    const drill = (
      await call(
        t.app,
        town,
        'GET',
        '/api/v1/indicators/people.roleHolders/records?from=2026-01-01&to=2026-12-31&dimension=role&value=executiveMember',
      )
    ).json();
    expect(drill.items.map((r: { label: string }) => r.label).sort()).toEqual(
      ['周晓红', '孙海燕', '李雪梅'].sort(),
    );
  });
});
