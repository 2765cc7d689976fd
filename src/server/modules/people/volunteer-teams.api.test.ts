import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VolunteerTeam } from '../../../contracts/people-roles';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let villageA1: Session;
let viewer: Session;

const teamsUrl = '/api/v1/people/volunteer-teams';

/** Today in the county, worked out from UTC+8 (China keeps no daylight saving). */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const auditCount = async () =>
  Number((await t.db.$client.query('select count(*) from audit_log')).rows[0].count);
const auditRows = async (entityId: string) =>
  (
    await t.db.$client.query(
      'select module, action, entity_type, before, after from audit_log where entity_id = $1 order by id',
      [entityId],
    )
  ).rows;

const created = async (url: string, body: unknown, as = town) => {
  const res = await call(t.app, as, 'POST', url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const person = (unit: string, name: string): Promise<{ id: string }> =>
  created('/api/v1/people/persons', { orgUnitId: org.units[unit].id, name });
const membersOf = (team: VolunteerTeam) =>
  Object.fromEntries(team.members.map((m) => [m.personId, m.joinedOn]));

let a: { id: string };
let b: { id: string };
let c: { id: string };
let sibling: { id: string };
let foreignTown: { id: string };
let team: VolunteerTeam;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  villageA1 = await login(t.app, 'villageA1');
  viewer = await login(t.app, 'viewerA');
  a = await person('villageA1', '吴宣讲');
  b = await person('villageA1', '郑秀梅');
  c = await person('villageA1', '冯春花');
  sibling = await person('villageA2', '陈甲二');
  const townB = await login(t.app, 'townB');
  foreignTown = await created(
    '/api/v1/people/persons',
    { orgUnitId: org.units.villageB1.id, name: '乙镇人员' },
    townB,
  );
});
afterAll(() => t.close());

describe('creating a team', () => {
  it('the town forms a lecture team of women from two villages; they join today', async () => {
    team = await created(teamsUrl, {
      orgUnitId: org.units.townA.id,
      name: '巾帼宣讲队',
      kind: 'lectureTeam',
      leaderPersonId: a.id,
      foundedOn: '2024-03-08',
      memberIds: [a.id, b.id, sibling.id, b.id],
    });
    expect(team).toMatchObject({
      orgUnitId: org.units.townA.id,
      orgUnitName: '甲镇妇联',
      name: '巾帼宣讲队',
      kind: 'lectureTeam',
      leaderPersonId: a.id,
      leaderName: '吴宣讲',
      foundedOn: '2024-03-08',
      version: 1,
      deletedAt: null,
    });
    const today = shanghaiToday();
    expect(membersOf(team)).toEqual({ [a.id]: today, [b.id]: today, [sibling.id]: today });
    expect(team.members.find((m) => m.personId === sibling.id)?.name).toBe('陈甲二');
    expect(await auditRows(team.id)).toEqual([
      expect.objectContaining({
        module: 'people',
        action: 'create',
        entity_type: 'volunteerTeam',
        before: null,
      }),
    ]);
  });

  it('validates in zh-CN', async () => {
    const res = await call(t.app, town, 'POST', teamsUrl, { name: '队', kind: 'choir' });
    expect(res.statusCode).toBe(400);
    const details: { field: string; message: string }[] = res.json().error.details;
    expect(details).toEqual(
      expect.arrayContaining([
        { field: 'orgUnitId', message: '请选择所属组织' },
        expect.objectContaining({ field: 'name', message: expect.stringContaining('2') }),
        expect.objectContaining({ field: 'kind', message: expect.stringContaining('无效选项') }),
      ]),
    );
  });

  it('a village team may not hold a sibling village’s woman (400), and writes nothing', async () => {
    const before = await auditCount();
    const res = await call(t.app, town, 'POST', teamsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '甲一村调解队',
      kind: 'mediationTeam',
      memberIds: [b.id, sibling.id],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toBe('队长和队员须是本组织或下级组织登记的人员：陈甲二不是');
    expect(res.json().error.details).toEqual([{ field: 'memberIds.1', message: '“陈甲二”不在本组织范围内' }]);
    expect(await auditCount()).toBe(before);
  });

  it('a person outside the caller’s subtree or deleted answers 404, revealing nothing', async () => {
    const before = await auditCount();
    const foreign = await call(t.app, town, 'POST', teamsUrl, {
      orgUnitId: org.units.townA.id,
      name: '越权队',
      kind: 'serviceTeam',
      leaderPersonId: foreignTown.id,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('乙镇人员');
    const fromVillage = await call(t.app, villageA1, 'POST', teamsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '甲一村服务队',
      kind: 'serviceTeam',
      memberIds: [sibling.id],
    });
    expect(fromVillage.statusCode).toBe(404);
    const gone = await person('villageA1', '已删队员');
    await call(t.app, town, 'DELETE', `/api/v1/people/persons/${gone.id}?version=1`);
    const deleted = await call(t.app, town, 'POST', teamsUrl, {
      orgUnitId: org.units.townA.id,
      name: '巾帼服务队',
      kind: 'serviceTeam',
      memberIds: [gone.id],
    });
    expect(deleted.statusCode).toBe(404);
    expect(deleted.json().error.message).toBe('人员不存在或已被删除');
    expect(await auditCount()).toBe(before + 2);
  });

  it('a village user cannot reach the town’s team, nor another town’s user', async () => {
    const townB = await login(t.app, 'townB');
    for (const s of [villageA1, townB]) {
      for (const [method, url, body] of [
        ['GET', `${teamsUrl}/${team.id}`, undefined],
        ['PATCH', `${teamsUrl}/${team.id}`, { memberIds: [], version: 1 }],
        ['DELETE', `${teamsUrl}/${team.id}?version=1`, undefined],
        ['GET', `${teamsUrl}?orgUnitId=${org.units.townA.id}`, undefined],
      ] as const) {
        const res = await call(t.app, s, method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.body).not.toContain('巾帼宣讲队');
      }
    }
  });

  it('a viewer reads teams but cannot form one', async () => {
    expect((await call(t.app, viewer, 'GET', `${teamsUrl}/${team.id}`)).statusCode).toBe(200);
    const res = await call(t.app, viewer, 'POST', teamsUrl, {
      orgUnitId: org.units.townA.id,
      name: '只读队',
      kind: 'serviceTeam',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('listing', () => {
  it('filters by name, kind, unit and status, sorts and pages', async () => {
    await created(teamsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '甲一村林长队',
      kind: 'forestTeam',
      memberIds: [c.id],
    });
    const all = (await call(t.app, town, 'GET', `${teamsUrl}?pageSize=1&sort=-createdAt`)).json();
    expect(all.total).toBe(2);
    expect(all.items.map((x: VolunteerTeam) => x.name)).toEqual(['甲一村林长队']);
    const byKind = (await call(t.app, town, 'GET', `${teamsUrl}?kind=lectureTeam`)).json();
    expect(byKind.items.map((x: VolunteerTeam) => x.id)).toEqual([team.id]);
    expect(byKind.items[0].members).toHaveLength(3);
    expect(byKind.items[0].leaderName).toBe('吴宣讲');
    const byName = (await call(t.app, town, 'GET', `${teamsUrl}?q=${encodeURIComponent('林长')}`)).json();
    expect(byName.items.map((x: VolunteerTeam) => x.members.map((m) => m.name))).toEqual([['冯春花']]);
    const village = (await call(t.app, villageA1, 'GET', teamsUrl)).json();
    expect(village.items.map((x: VolunteerTeam) => x.name)).toEqual(['甲一村林长队']);
    const narrowed = (
      await call(t.app, town, 'GET', `${teamsUrl}?orgUnitId=${org.units.villageA1.id}`)
    ).json();
    expect(narrowed.total).toBe(1);
    const deleted = (await call(t.app, town, 'GET', `${teamsUrl}?status=deleted`)).json();
    expect(deleted).toEqual({ items: [], total: 0 });
    const bad = await call(t.app, town, 'GET', `${teamsUrl}?sort=kind`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('不支持按“kind”排序，可选：name、createdAt、foundedOn');
  });
});

describe('editing, deleting and restoring', () => {
  it('replacing the members keeps the joining date of those who stay', async () => {
    await t.db.$client.query(
      "update volunteer_team_members set joined_on = '2020-05-01' where team_id = $1 and person_id = $2",
      [team.id, b.id],
    );
    const res = await call(t.app, town, 'PATCH', `${teamsUrl}/${team.id}`, {
      memberIds: [b.id, c.id],
      version: team.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after: VolunteerTeam = res.json();
    expect(membersOf(after)).toEqual({ [b.id]: '2020-05-01', [c.id]: shanghaiToday() });
    expect(after.members[0].name).toBe('郑秀梅');
    expect(after.version).toBe(team.version + 1);
    const { rows } = await t.db.$client.query(
      'select person_id from volunteer_team_members where team_id = $1 order by person_id',
      [team.id],
    );
    expect(rows.map((r) => r.person_id)).toEqual([b.id, c.id].sort());
    const update = (await auditRows(team.id)).find((r) => r.action === 'update');
    expect(update.before.members).toHaveLength(3);
    expect(update.after.members).toHaveLength(2);
    team = after;
  });

  it('an edit without memberIds leaves the members alone', async () => {
    const res = await call(t.app, town, 'PATCH', `${teamsUrl}/${team.id}`, {
      name: '巾帼理论宣讲队',
      leaderPersonId: null,
      version: team.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '巾帼理论宣讲队', leaderName: null });
    expect(membersOf(res.json())).toEqual(membersOf(team));
    team = res.json();
  });

  it('a stale version gets 409 and writes nothing', async () => {
    const before = await auditCount();
    const stale = await call(t.app, town, 'PATCH', `${teamsUrl}/${team.id}`, { memberIds: [], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: '该记录已被他人修改，请刷新后重新编辑',
    });
    expect((await call(t.app, town, 'GET', `${teamsUrl}/${team.id}`)).json().members).toHaveLength(2);
    expect(await auditCount()).toBe(before);
  });

  it('a deleted team shows among the deleted and is restored with its members', async () => {
    const del = await call(t.app, town, 'DELETE', `${teamsUrl}/${team.id}?version=${team.version}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().deletedAt).toEqual(expect.any(String));
    const active = (await call(t.app, town, 'GET', `${teamsUrl}?kind=lectureTeam`)).json();
    expect(active.items).toEqual([]);
    const deleted = (await call(t.app, town, 'GET', `${teamsUrl}?status=deleted`)).json();
    expect(deleted.items.map((x: VolunteerTeam) => x.id)).toEqual([team.id]);
    const restored = await call(t.app, town, 'POST', `${teamsUrl}/${team.id}/restore`, {
      version: del.json().version,
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    expect(membersOf(restored.json())).toEqual(membersOf(team));
    const again = await call(t.app, town, 'POST', `${teamsUrl}/${team.id}/restore`, {
      version: restored.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该志愿服务队未被删除，无需恢复');
    expect((await auditRows(team.id)).map((r) => r.action)).toEqual([
      'create',
      'update',
      'update',
      'delete',
      'restore',
    ]);
  });
});
