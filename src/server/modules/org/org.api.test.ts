import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const unitsUrl = '/api/v1/org/units';

const auditRows = async (entityId: string) =>
  (
    await t.db.$client.query('select action, before, after from audit_log where entity_id = $1 order by id', [
      entityId,
    ])
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
});
afterAll(() => t.close());

describe('organization tree', () => {
  it('the town chair creates a village, finds it by name, and the audit row holds it', async () => {
    const res = await call(t.app, town, 'POST', unitsUrl, {
      parentId: org.units.townA.id,
      kind: 'village',
      name: '新建村妇联',
      code: '339901101299',
      foundedOn: '2024-03-05',
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({
      name: '新建村妇联',
      kind: 'village',
      depth: 2,
      version: 1,
      parentId: org.units.townA.id,
    });
    const found = await call(t.app, town, 'GET', `${unitsUrl}?q=${encodeURIComponent('新建')}`);
    expect(found.json().items.map((u: { id: string }) => u.id)).toEqual([unit.id]);
    expect(await auditRows(unit.id)).toEqual([expect.objectContaining({ action: 'create', before: null })]);
  });

  it('refuses a kind that cannot sit under the parent, with a zh-CN reason', async () => {
    const res = await call(t.app, town, 'POST', unitsUrl, {
      parentId: org.units.villageA1.id,
      kind: 'village',
      name: '村下之村',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('村妇联下不能设立村妇联');
  });

  it('a duplicate name under the same parent is refused and nothing is written', async () => {
    const before = (await t.db.$client.query('select count(*) from audit_log')).rows[0].count;
    const res = await call(t.app, town, 'POST', unitsUrl, {
      parentId: org.units.townA.id,
      kind: 'village',
      name: '甲一村妇联',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE');
    const after = (await t.db.$client.query('select count(*) from audit_log')).rows[0].count;
    expect(after).toBe(before);
  });

  it('rename with optimistic locking: a stale version gets 409 and a clear message', async () => {
    const created = (
      await call(t.app, town, 'POST', unitsUrl, {
        parentId: org.units.townA.id,
        kind: 'village',
        name: '改名前村妇联',
      })
    ).json();
    const ok = await call(t.app, town, 'PATCH', `${unitsUrl}/${created.id}`, {
      name: '改名后村妇联',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '改名后村妇联', version: 2 });
    const stale = await call(t.app, town, 'PATCH', `${unitsUrl}/${created.id}`, {
      name: '再改名村妇联',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: '该记录已被他人修改，请刷新后重新编辑',
    });
    const rows = await auditRows(created.id);
    expect(rows[1]).toMatchObject({
      action: 'update',
      before: { name: '改名前村妇联' },
      after: { name: '改名后村妇联' },
    });
  });

  it('an org_unit change through PATCH (mass assignment) is refused', async () => {
    const res = await call(t.app, town, 'PATCH', `${unitsUrl}/${org.units.villageA2.id}`, {
      parentId: org.units.townB.id,
      version: 1,
    });
    expect(res.statusCode).toBe(400);
  });

  it('the county moves a village to another town; its subtree paths follow', async () => {
    const county = await login(t.app, 'county');
    const v = (
      await call(t.app, county, 'POST', unitsUrl, {
        parentId: org.units.townA.id,
        kind: 'village',
        name: '搬迁村妇联',
      })
    ).json();
    const cycle = await call(t.app, county, 'POST', `${unitsUrl}/${org.units.townA.id}/move`, {
      newParentId: org.units.villageA1.id,
      version: 1,
    });
    expect(cycle.statusCode).toBe(400);
    const moved = await call(t.app, county, 'POST', `${unitsUrl}/${v.id}/move`, {
      newParentId: org.units.townB.id,
      version: 1,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(org.units.townB.id);
    const { rows } = await t.db.$client.query('select path from org_units where id = $1', [v.id]);
    expect(rows[0].path).toBe(`${org.units.townB.path}${v.id}/`);
    // Now it belongs to townB: townA no longer sees it, townB does.
    expect((await call(t.app, town, 'GET', `${unitsUrl}/${v.id}`)).statusCode).toBe(404);
    const townB = await login(t.app, 'townB');
    expect((await call(t.app, townB, 'GET', `${unitsUrl}/${v.id}`)).statusCode).toBe(200);
  });

  it('dissolves with a date; a unit with live children cannot be dissolved; nobody dissolves her own unit', async () => {
    const v = (
      await call(t.app, town, 'POST', unitsUrl, {
        parentId: org.units.townA.id,
        kind: 'village',
        name: '撤并村妇联',
      })
    ).json();
    const res = await call(t.app, town, 'POST', `${unitsUrl}/${v.id}/dissolve`, {
      dissolvedOn: '2026-06-30',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().dissolvedOn).toBe('2026-06-30');
    const dissolved = await call(t.app, town, 'GET', `${unitsUrl}?status=dissolved`);
    expect(dissolved.json().items.map((u: { name: string }) => u.name)).toContain('撤并村妇联');
    const active = await call(t.app, town, 'GET', `${unitsUrl}?status=active&pageSize=200`);
    expect(active.json().items.map((u: { name: string }) => u.name)).not.toContain('撤并村妇联');
    const county = await login(t.app, 'county');
    const withChildren = await call(t.app, county, 'POST', `${unitsUrl}/${org.units.townB.id}/dissolve`, {
      dissolvedOn: '2026-06-30',
      version: 1,
    });
    expect(withChildren.statusCode).toBe(409);
    const own = await call(t.app, town, 'POST', `${unitsUrl}/${org.units.townA.id}/dissolve`, {
      dissolvedOn: '2026-06-30',
      version: 1,
    });
    expect(own.statusCode).toBe(403);
  });

  it('delete is soft and can be restored; a unit with active users cannot be deleted', async () => {
    const v = (
      await call(t.app, town, 'POST', unitsUrl, {
        parentId: org.units.townA.id,
        kind: 'newSector',
        name: '误建协会妇联',
      })
    ).json();
    const del = await call(t.app, town, 'DELETE', `${unitsUrl}/${v.id}?version=1`);
    expect(del.statusCode).toBe(200);
    const tree = await call(t.app, town, 'GET', '/api/v1/org/tree');
    expect(tree.json().items.map((u: { id: string }) => u.id)).not.toContain(v.id);
    const deleted = await call(t.app, town, 'GET', `${unitsUrl}?status=deleted`);
    expect(deleted.json().items.map((u: { id: string }) => u.id)).toEqual([v.id]);
    const restored = await call(t.app, town, 'POST', `${unitsUrl}/${v.id}/restore`, { version: 2 });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    const withUsers = await call(t.app, town, 'DELETE', `${unitsUrl}/${org.units.villageA1.id}?version=1`);
    expect(withUsers.statusCode).toBe(409);
    expect(withUsers.json().error.message).toMatch(/在用账号/);
  });

  it('the tree of a village chair is her village alone, rooted at her unit', async () => {
    const village = await login(t.app, 'villageA1');
    const tree = (await call(t.app, village, 'GET', '/api/v1/org/tree')).json();
    expect(tree.items).toEqual([expect.objectContaining({ id: org.units.villageA1.id, parentId: null })]);
    const create = await call(t.app, village, 'POST', unitsUrl, {
      parentId: org.units.villageA1.id,
      kind: 'enterprise',
      name: '村内企业妇联',
    });
    // A village manages no org tree at all: refused by her level before any rule on kinds.
    expect(create.statusCode).toBe(403);
  });

  it('a viewer reads the tree but cannot write', async () => {
    const viewer = await login(t.app, 'viewerA');
    expect((await call(t.app, viewer, 'GET', '/api/v1/org/tree')).statusCode).toBe(200);
    const res = await call(t.app, viewer, 'POST', unitsUrl, {
      parentId: org.units.townA.id,
      kind: 'village',
      name: '查看者村',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('lists page with a total, cap pageSize at 200 and refuse unknown sort fields', async () => {
    const page = (await call(t.app, town, 'GET', `${unitsUrl}?pageSize=2&page=1&sort=name`)).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const past = (await call(t.app, town, 'GET', `${unitsUrl}?pageSize=2&page=99`)).json();
    expect(past).toEqual({ items: [], total: page.total });
    expect((await call(t.app, town, 'GET', `${unitsUrl}?pageSize=201`)).statusCode).toBe(400);
    expect((await call(t.app, town, 'GET', `${unitsUrl}?sort=path`)).statusCode).toBe(400);
  });
});
