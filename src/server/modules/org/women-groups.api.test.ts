import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grid, WomenGroup } from '../../../contracts/org-ledgers';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let villageA2: Session;

const groupsUrl = '/api/v1/org/women-groups';
const gridsUrl = '/api/v1/org/grids';

// Recorded changes; a refused foreign attempt is audited as accessDenied by design (kernel/access tests).
const auditCount = async () =>
  Number(
    (await t.db.$client.query("select count(*) from audit_log where action <> 'accessDenied'")).rows[0].count,
  );
const auditRows = async (entityId: string) =>
  (
    await t.db.$client.query(
      'select module, action, entity_type, before, after from audit_log where entity_id = $1 order by id',
      [entityId],
    )
  ).rows;
const storedMembers = async (groupId: string) =>
  (await t.db.$client.query('select person_id from women_group_members where group_id = $1', [groupId])).rows
    .map((r) => r.person_id)
    .sort();

const created = async (url: string, body: unknown, as = town) => {
  const res = await call(t.app, as, 'POST', url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const person = (unit: string, name: string): Promise<{ id: string }> =>
  created('/api/v1/people/persons', { orgUnitId: org.units[unit].id, name });

let grid: Grid;
let leader: { id: string };
let b: { id: string };
let c: { id: string };
let d: { id: string };
let outsider: { id: string };
let group: WomenGroup;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  villageA2 = await login(t.app, 'villageA2');
  grid = await created(gridsUrl, { orgUnitId: org.units.villageA1.id, name: '东岭网格' });
  leader = await person('villageA1', '赵组长');
  b = await person('villageA1', '钱秀英');
  c = await person('villageA1', '孙桂兰');
  d = await person('villageA1', '李玉珍');
  outsider = await person('villageA2', '周外村');
});
afterAll(() => t.close());

describe('creating a group', () => {
  it('forms a group in the grid with a leader and members, and audits it', async () => {
    group = await created(groupsUrl, {
      gridId: grid.id,
      name: '东岭一组',
      leaderPersonId: leader.id,
      memberIds: [b.id, c.id, b.id],
    });
    expect(group).toMatchObject({
      gridId: grid.id,
      gridName: '东岭网格',
      orgUnitId: org.units.villageA1.id,
      name: '东岭一组',
      leaderPersonId: leader.id,
      leaderName: '赵组长',
      version: 1,
      deletedAt: null,
    });
    expect([...group.memberIds].sort()).toEqual([b.id, c.id].sort());
    expect(await storedMembers(group.id)).toEqual([b.id, c.id].sort());
    expect(await auditRows(group.id)).toEqual([
      expect.objectContaining({ module: 'org', action: 'create', entity_type: 'womenGroup', before: null }),
    ]);
  });

  it('validates in zh-CN', async () => {
    const res = await call(t.app, town, 'POST', groupsUrl, { gridId: 'abc', name: '组' });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.map((x: { message: string }) => x.message);
    expect(messages).toEqual(expect.arrayContaining(['请选择网格', '小组名称至少2个字']));
  });

  it('refuses a member of another village with 400, naming her, and writes nothing', async () => {
    const before = await auditCount();
    const res = await call(t.app, town, 'POST', groupsUrl, {
      gridId: grid.id,
      name: '东岭二组',
      memberIds: [b.id, outsider.id],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toBe(
      '妇女小组的组长和组员须是本网格所在村（社区）登记的人员：周外村不是',
    );
    expect(res.json().error.details).toEqual([
      { field: 'memberIds.1', message: '“周外村”不是本村（社区）人员' },
    ]);
    const leaderElsewhere = await call(t.app, town, 'POST', groupsUrl, {
      gridId: grid.id,
      name: '东岭二组',
      leaderPersonId: outsider.id,
    });
    expect(leaderElsewhere.json().error.details[0].field).toBe('leaderPersonId');
    expect(await auditCount()).toBe(before);
    const count = await t.db.$client.query('select count(*) from women_groups');
    expect(Number(count.rows[0].count)).toBe(1);
  });

  it('a deleted person or a missing grid answers 404', async () => {
    const gone = await person('villageA1', '已删人员');
    await call(t.app, town, 'DELETE', `/api/v1/people/persons/${gone.id}?version=1`);
    const res = await call(t.app, town, 'POST', groupsUrl, {
      gridId: grid.id,
      name: '东岭三组',
      memberIds: [gone.id],
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('人员不存在或已被删除');
    const noGrid = await call(t.app, town, 'POST', groupsUrl, {
      gridId: org.units.villageA1.id,
      name: '东岭三组',
    });
    expect(noGrid.statusCode).toBe(404);
    expect(noGrid.json().error.message).toBe('网格不存在或已被删除');
  });

  it('a sibling village cannot use 甲一村’s grid or persons, nor reach the group (404)', async () => {
    const before = await auditCount();
    const ownGrid = await created(
      gridsUrl,
      { orgUnitId: org.units.villageA2.id, name: '甲二网格' },
      villageA2,
    );
    for (const [method, url, body] of [
      ['POST', groupsUrl, { gridId: grid.id, name: '越权小组' }],
      ['POST', groupsUrl, { gridId: ownGrid.id, name: '越权小组', memberIds: [b.id] }],
      ['GET', `${groupsUrl}/${group.id}`, undefined],
      ['PATCH', `${groupsUrl}/${group.id}`, { memberIds: [], version: 1 }],
      ['DELETE', `${groupsUrl}/${group.id}?version=1`, undefined],
      ['POST', `${groupsUrl}/${group.id}/restore`, { version: 1 }],
      ['GET', `${groupsUrl}?orgUnitId=${org.units.villageA1.id}`, undefined],
    ] as const) {
      const res = await call(t.app, villageA2, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.body).not.toContain('钱秀英');
    }
    const own = (await call(t.app, villageA2, 'GET', groupsUrl)).json();
    expect(own).toEqual({ items: [], total: 0 });
    expect(await auditCount()).toBe(before + 1);
  });
});

describe('listing and editing', () => {
  it('lists by grid, by village and by name', async () => {
    const other = await created(gridsUrl, { orgUnitId: org.units.villageA1.id, name: '西岭网格' });
    await created(groupsUrl, { gridId: other.id, name: '西岭一组', memberIds: [d.id] });
    const all = (await call(t.app, town, 'GET', groupsUrl)).json();
    expect(all.total).toBe(2);
    const byGrid = (await call(t.app, town, 'GET', `${groupsUrl}?gridId=${grid.id}`)).json();
    expect(byGrid.items.map((g: WomenGroup) => g.name)).toEqual(['东岭一组']);
    const byName = (await call(t.app, town, 'GET', `${groupsUrl}?q=${encodeURIComponent('西岭')}`)).json();
    expect(byName.items.map((g: WomenGroup) => g.gridName)).toEqual(['西岭网格']);
    const byUnit = (
      await call(t.app, town, 'GET', `${groupsUrl}?orgUnitId=${org.units.villageA2.id}`)
    ).json();
    expect(byUnit.total).toBe(0);
  });

  it('replaces the members when memberIds is given, and keeps them when it is not', async () => {
    const res = await call(t.app, town, 'PATCH', `${groupsUrl}/${group.id}`, {
      memberIds: [c.id, d.id],
      version: group.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect([...res.json().memberIds].sort()).toEqual([c.id, d.id].sort());
    expect(res.json().version).toBe(group.version + 1);
    expect(await storedMembers(group.id)).toEqual([c.id, d.id].sort());
    const renamed = await call(t.app, town, 'PATCH', `${groupsUrl}/${group.id}`, {
      name: '东岭巾帼组',
      leaderPersonId: null,
      version: res.json().version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '东岭巾帼组', leaderName: null });
    expect(await storedMembers(group.id)).toEqual([c.id, d.id].sort());
    const update = (await auditRows(group.id)).find((r) => r.action === 'update');
    expect([...update.before.memberIds].sort()).toEqual([b.id, c.id].sort());
    expect([...update.after.memberIds].sort()).toEqual([c.id, d.id].sort());
    group = renamed.json();
  });

  it('a stale version gets 409 and changes neither members nor the audit log', async () => {
    const before = await auditCount();
    const stale = await call(t.app, town, 'PATCH', `${groupsUrl}/${group.id}`, {
      memberIds: [b.id],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: '该记录已被他人修改，请刷新后重新编辑',
    });
    expect(await storedMembers(group.id)).toEqual([c.id, d.id].sort());
    expect(await auditCount()).toBe(before);
  });

  it('a member who is deleted drops out of the group as shown', async () => {
    const p = (await call(t.app, town, 'GET', `/api/v1/people/persons/${d.id}`)).json();
    await call(t.app, town, 'DELETE', `/api/v1/people/persons/${d.id}?version=${p.version}`);
    const res = await call(t.app, town, 'GET', `${groupsUrl}/${group.id}`);
    expect(res.json().memberIds).toEqual([c.id]);
    await call(t.app, town, 'POST', `/api/v1/people/persons/${d.id}/restore`, { version: p.version + 1 });
    expect([...(await call(t.app, town, 'GET', `${groupsUrl}/${group.id}`)).json().memberIds].sort()).toEqual(
      [c.id, d.id].sort(),
    );
  });
});

describe('deleting and restoring', () => {
  it('the grid cannot be deleted while a live group is in it', async () => {
    const g = (await call(t.app, town, 'GET', `${gridsUrl}/${grid.id}`)).json();
    const res = await call(t.app, town, 'DELETE', `${gridsUrl}/${grid.id}?version=${g.version}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('该网格还有1个妇女小组，请先删除小组后再删除网格');
  });

  it('a deleted group leaves the list and comes back whole on restore', async () => {
    const del = await call(t.app, town, 'DELETE', `${groupsUrl}/${group.id}?version=${group.version}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().deletedAt).toEqual(expect.any(String));
    const listed = (await call(t.app, town, 'GET', `${groupsUrl}?gridId=${grid.id}`)).json();
    expect(listed.items).toEqual([]);
    const deleted = (await call(t.app, town, 'GET', `${groupsUrl}?gridId=${grid.id}&status=deleted`)).json();
    expect(deleted.items.map((g: { id: string }) => g.id)).toEqual([group.id]);
    const restored = await call(t.app, town, 'POST', `${groupsUrl}/${group.id}/restore`, {
      version: del.json().version,
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    expect([...restored.json().memberIds].sort()).toEqual([c.id, d.id].sort());
    const again = await call(t.app, town, 'POST', `${groupsUrl}/${group.id}/restore`, {
      version: restored.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该妇女小组未被删除，无需恢复');
    group = restored.json();
  });

  it('a group whose grid was deleted cannot be restored until the grid is', async () => {
    const del = (
      await call(t.app, town, 'DELETE', `${groupsUrl}/${group.id}?version=${group.version}`)
    ).json();
    const g = (await call(t.app, town, 'GET', `${gridsUrl}/${grid.id}`)).json();
    const gridDel = await call(t.app, town, 'DELETE', `${gridsUrl}/${grid.id}?version=${g.version}`);
    expect(gridDel.statusCode, gridDel.body).toBe(200);
    const before = await auditCount();
    const res = await call(t.app, town, 'POST', `${groupsUrl}/${group.id}/restore`, { version: del.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('小组所在的网格已删除，请先恢复网格');
    expect(await auditCount()).toBe(before);
    expect((await auditRows(group.id)).map((r) => r.action)).toEqual([
      'create',
      'update',
      'update',
      'delete',
      'restore',
      'delete',
    ]);
  });
});
