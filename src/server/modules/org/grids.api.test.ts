import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from '../../../contracts/org-ledgers';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let villageA2: Session;
let viewer: Session;

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

const created = async (url: string, body: unknown, as = town) => {
  const res = await call(t.app, as, 'POST', url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const household = (unit: string, address: string) =>
  created('/api/v1/people/households', { orgUnitId: org.units[unit].id, address });
const person = (unit: string, name: string, householdId?: string, tags: string[] = []) =>
  created('/api/v1/people/persons', { orgUnitId: org.units[unit].id, name, householdId, tags });
const assign = (gridId: string, householdIds: string[], as = town) =>
  call(t.app, as, 'POST', `${gridsUrl}/${gridId}/households`, { householdIds });

let member: { id: string };
let grid: Grid;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  villageA2 = await login(t.app, 'villageA2');
  viewer = await login(t.app, 'viewerA');
  member = await person('villageA1', '王执委');
});
afterAll(() => t.close());

describe('creating a grid', () => {
  it('the town draws a grid in 甲一村 covered by an executive member, and audits it', async () => {
    grid = await created(gridsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '东岭网格',
      memberPersonId: member.id,
    });
    expect(grid).toMatchObject({
      orgUnitId: org.units.villageA1.id,
      orgUnitName: '甲一村妇联',
      name: '东岭网格',
      memberPersonId: member.id,
      memberName: '王执委',
      householdCount: 0,
      personCount: 0,
      version: 1,
      deletedAt: null,
    });
    expect(await auditRows(grid.id)).toEqual([
      expect.objectContaining({ module: 'org', action: 'create', entity_type: 'grid', before: null }),
    ]);
  });

  it('refuses a grid on a town, in zh-CN, and writes nothing', async () => {
    const before = await auditCount();
    const res = await call(t.app, town, 'POST', gridsUrl, {
      orgUnitId: org.units.townA.id,
      name: '镇上网格',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toBe('网格只能设在村（嘎查、社区）妇联下，“甲镇妇联”是镇妇联');
    expect(res.json().error.details[0].field).toBe('orgUnitId');
    expect(await auditCount()).toBe(before);
  });

  it('validates the name and the unit with zh-CN messages', async () => {
    const res = await call(t.app, town, 'POST', gridsUrl, { name: '东' });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toEqual(expect.arrayContaining(['请选择所属村（社区）', '网格名称至少2个字']));
  });

  it('refuses a second grid of the same name in the village, not in another village', async () => {
    const before = await auditCount();
    const dup = await call(t.app, town, 'POST', gridsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '东岭网格',
    });
    expect(dup.statusCode, dup.body).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'DUPLICATE',
      message: '本村（社区）已有名为“东岭网格”的网格',
    });
    expect(await auditCount()).toBe(before);
    await created(gridsUrl, { orgUnitId: org.units.villageA2.id, name: '东岭网格' });
  });

  it('the member must be a live person of the grid’s village', async () => {
    const other = await person('villageA2', '甲二村执委');
    const wrongVillage = await call(t.app, town, 'POST', gridsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '西岭网格',
      memberPersonId: other.id,
    });
    expect(wrongVillage.statusCode, wrongVillage.body).toBe(400);
    expect(wrongVillage.json().error.details[0]).toMatchObject({
      field: 'memberPersonId',
      message: '联系网格的执委须是本村（社区）登记的人员',
    });
    const gone = await person('villageA1', '已删执委');
    await call(t.app, town, 'DELETE', `/api/v1/people/persons/${gone.id}?version=1`);
    const deleted = await call(t.app, town, 'POST', gridsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '西岭网格',
      memberPersonId: gone.id,
    });
    expect(deleted.statusCode, deleted.body).toBe(404);
    expect(deleted.json().error.message).toBe('执委不存在或已被删除');
  });

  it('a sibling village can neither name 甲一村’s person nor reach 甲一村’s grid (404)', async () => {
    const before = await auditCount();
    const foreignMember = await call(t.app, villageA2, 'POST', gridsUrl, {
      orgUnitId: org.units.villageA2.id,
      name: '越权网格',
      memberPersonId: member.id,
    });
    expect(foreignMember.statusCode).toBe(404);
    expect(foreignMember.body).not.toContain('王执委');
    for (const [method, url, body] of [
      ['GET', `${gridsUrl}/${grid.id}`, undefined],
      ['PATCH', `${gridsUrl}/${grid.id}`, { name: '越权改名', version: 1 }],
      ['DELETE', `${gridsUrl}/${grid.id}?version=1`, undefined],
      ['GET', `${gridsUrl}?orgUnitId=${org.units.villageA1.id}`, undefined],
      ['POST', gridsUrl, { orgUnitId: org.units.villageA1.id, name: '越权网格' }],
    ] as const) {
      const res = await call(t.app, villageA2, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const own = (await call(t.app, villageA2, 'GET', gridsUrl)).json();
    expect(own.items.map((g: Grid) => g.orgUnitName)).toEqual(['甲二村妇联']);
    expect(await auditCount()).toBe(before);
  });

  it('a viewer reads grids but cannot create one', async () => {
    expect((await call(t.app, viewer, 'GET', `${gridsUrl}/${grid.id}`)).statusCode).toBe(200);
    const res = await call(t.app, viewer, 'POST', gridsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '只读网格',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('assigning households', () => {
  let h1: { id: string; version: number };
  let h2: { id: string };

  it('puts two households in the grid: counts follow, household versions move, one audit row', async () => {
    h1 = await household('villageA1', '东岭路1号');
    h2 = await household('villageA1', '东岭路2号');
    await person('villageA1', '东一甲', h1.id);
    await person('villageA1', '东一乙', h1.id);
    const leaving = await person('villageA1', '东二甲', h2.id);
    await call(t.app, town, 'DELETE', `/api/v1/people/persons/${leaving.id}?version=1`);
    await person('villageA1', '东二乙', h2.id);
    const res = await assign(grid.id, [h1.id, h2.id, h1.id]);
    expect(res.statusCode, res.body).toBe(200);
    // Two households, three live persons (the deleted one no longer counts).
    expect(res.json()).toMatchObject({
      id: grid.id,
      householdCount: 2,
      personCount: 3,
      version: grid.version,
    });
    const reread = await call(t.app, town, 'GET', `/api/v1/people/households/${h1.id}`);
    expect(reread.json().version).toBe(h1.version + 1);
    const { rows } = await t.db.$client.query('select grid_id from households where id = any($1)', [
      [h1.id, h2.id],
    ]);
    expect(rows).toEqual([{ grid_id: grid.id }, { grid_id: grid.id }]);
    const audit = (await auditRows(grid.id)).filter((r) => r.action === 'assignHouseholds');
    expect(audit).toHaveLength(1);
    expect(audit[0].before.households).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: h1.id, gridId: null, label: '东岭路1号' })]),
    );
    expect(audit[0].after).toMatchObject({ householdCount: 2 });
  });

  it('refuses a household of another village with 400, naming it, and changes nothing', async () => {
    const elsewhere = await household('villageA2', '甲二村南街');
    const spare = await household('villageA1', '东岭路3号');
    const before = await auditCount();
    const res = await assign(grid.id, [spare.id, elsewhere.id]);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toBe('有1户家庭不属于本网格所在村（社区），不能划入');
    expect(res.json().error.details).toEqual([
      { field: 'householdIds.1', message: '“甲二村南街”不属于本网格所在村（社区）', value: elsewhere.id },
    ]);
    const { rows } = await t.db.$client.query('select grid_id, version from households where id = $1', [
      spare.id,
    ]);
    expect(rows[0]).toEqual({ grid_id: null, version: 1 });
    expect(await auditCount()).toBe(before);
  });

  it('a deleted household or one outside the caller’s subtree answers 404', async () => {
    const gone = await household('villageA1', '东岭路拆迁户');
    await call(t.app, town, 'DELETE', `/api/v1/people/households/${gone.id}?version=1`);
    expect((await assign(grid.id, [gone.id])).statusCode).toBe(404);
    const ownGrid = (await call(t.app, villageA2, 'GET', gridsUrl)).json().items[0];
    const foreign = await assign(ownGrid.id, [h1.id], villageA2);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('东岭路');
  });
});

describe('listing, editing, deleting and restoring', () => {
  it('finds grids by name, narrows to a village, sorts and pages', async () => {
    await created(gridsUrl, { orgUnitId: org.units.villageA1.id, name: '西岭网格' });
    const byName = (await call(t.app, town, 'GET', `${gridsUrl}?q=${encodeURIComponent('东岭')}`)).json();
    expect(byName.total).toBe(2);
    const narrowed = (
      await call(t.app, town, 'GET', `${gridsUrl}?orgUnitId=${org.units.villageA1.id}`)
    ).json();
    expect(narrowed.items.map((g: Grid) => g.orgUnitName)).toEqual(['甲一村妇联', '甲一村妇联']);
    const page = (await call(t.app, town, 'GET', `${gridsUrl}?sort=-createdAt&pageSize=1&page=1`)).json();
    expect(page).toMatchObject({ total: 3, items: [expect.objectContaining({ name: '西岭网格' })] });
    const listed = narrowed.items.find((g: Grid) => g.id === grid.id);
    expect(listed).toMatchObject({ householdCount: 2, personCount: 3, memberName: '王执委' });
    const bad = await call(t.app, town, 'GET', `${gridsUrl}?sort=memberName`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('不支持按“memberName”排序，可选：name、createdAt');
  });

  it('renames with optimistic locking; a stale version gets 409 and writes no audit row', async () => {
    const ok = await call(t.app, town, 'PATCH', `${gridsUrl}/${grid.id}`, {
      name: '东岭一网格',
      memberPersonId: null,
      version: grid.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: '东岭一网格', memberName: null, version: grid.version + 1 });
    const before = await auditCount();
    const stale = await call(t.app, town, 'PATCH', `${gridsUrl}/${grid.id}`, {
      name: '旧页面改名',
      version: grid.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: '该记录已被他人修改，请刷新后重新编辑',
    });
    expect(await auditCount()).toBe(before);
    grid = ok.json();
    const update = (await auditRows(grid.id)).find((r) => r.action === 'update');
    expect(update).toMatchObject({ before: { name: '东岭网格' }, after: { name: '东岭一网格' } });
  });

  it('a grid with households cannot be deleted', async () => {
    const res = await call(t.app, town, 'DELETE', `${gridsUrl}/${grid.id}?version=${grid.version}`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'CONFLICT',
      message: '该网格还有2户家庭，请先划入其他网格后再删除',
    });
  });

  it('an empty grid is deleted, shows among the deleted, and is restored', async () => {
    const empty = await created(gridsUrl, { orgUnitId: org.units.villageA1.id, name: '空网格' });
    const del = await call(t.app, town, 'DELETE', `${gridsUrl}/${empty.id}?version=1`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toMatchObject({ deletedAt: expect.any(String), version: 2 });
    const active = (await call(t.app, town, 'GET', `${gridsUrl}?q=${encodeURIComponent('空网格')}`)).json();
    expect(active.items).toEqual([]);
    const deleted = (await call(t.app, town, 'GET', `${gridsUrl}?status=deleted`)).json();
    expect(deleted.items.map((g: Grid) => g.id)).toEqual([empty.id]);
    expect((await assign(empty.id, [(await household('villageA1', '东岭路9号')).id])).statusCode).toBe(404);
    const restored = await call(t.app, town, 'POST', `${gridsUrl}/${empty.id}/restore`, { version: 2 });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
    const again = await call(t.app, town, 'POST', `${gridsUrl}/${empty.id}/restore`, { version: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该网格未被删除，无需恢复');
    expect((await auditRows(empty.id)).map((r) => r.action)).toEqual(['create', 'delete', 'restore']);
  });
});

describe('grid order', () => {
  it('lists 第2网格 before 第10网格 (numbers in names sort as numbers)', async () => {
    for (const name of ['第10网格', '第2网格', '第1网格']) {
      await created(gridsUrl, { orgUnitId: org.units.villageA2.id, name });
    }
    const res = (
      await call(t.app, town, 'GET', `${gridsUrl}?orgUnitId=${org.units.villageA2.id}&sort=name&pageSize=200`)
    ).json();
    const names = res.items.map((g: { name: string }) => g.name).filter((n: string) => /^第\d+网格$/.test(n));
    expect(names).toEqual(['第1网格', '第2网格', '第10网格']);
  });
});
