import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
const url = '/api/v1/org/sites';

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
});
afterAll(() => t.close());

describe('service sites (阵地)', () => {
  it('the town registers a 妇女之家 in a village with a contact person, and the audit row holds it', async () => {
    const person = (
      await call(t.app, town, 'POST', '/api/v1/people/persons', {
        orgUnitId: org.units.villageA1.id,
        name: '林美玲',
      })
    ).json();
    const res = await call(t.app, town, 'POST', url, {
      orgUnitId: org.units.villageA1.id,
      kind: 'womenHome',
      name: '甲一村妇女之家',
      address: '村委会二楼',
      openedOn: '2023-03-08',
      contactPersonId: person.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'womenHome',
      contactName: '林美玲',
      orgUnitName: '甲一村妇联',
      version: 1,
    });
    const audit = await t.db.$client.query(
      "select action from audit_log where entity_type = 'site' and entity_id = $1",
      [res.json().id],
    );
    expect(audit.rows).toEqual([{ action: 'create' }]);
  });

  it('refuses a duplicate name in the same unit, an unknown kind and a contact outside the subtree', async () => {
    const dup = await call(t.app, town, 'POST', url, {
      orgUnitId: org.units.villageA1.id,
      kind: 'other',
      name: '甲一村妇女之家',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('本组织已有同名阵地');
    const kind = await call(t.app, town, 'POST', url, {
      orgUnitId: org.units.villageA1.id,
      kind: 'castle',
      name: '某地',
    });
    expect(kind.statusCode).toBe(400);
    const townB = await login(t.app, 'townB');
    const foreign = (
      await call(t.app, townB, 'POST', '/api/v1/people/persons', {
        orgUnitId: org.units.villageB1.id,
        name: '外镇人员',
      })
    ).json();
    const res = await call(t.app, town, 'POST', url, {
      orgUnitId: org.units.villageA2.id,
      kind: 'childrenHome',
      name: '甲二村儿童之家',
      contactPersonId: foreign.id,
    });
    expect(res.statusCode).toBe(404);
  });

  it('lists by kind and name, edits with a version, deletes and restores', async () => {
    const created = (
      await call(t.app, town, 'POST', url, {
        orgUnitId: org.units.townA.id,
        kind: 'parentSchool',
        name: '甲镇家长学校',
      })
    ).json();
    const byKind = (await call(t.app, town, 'GET', `${url}?kind=parentSchool`)).json();
    expect(byKind.items.map((s: { name: string }) => s.name)).toEqual(['甲镇家长学校']);
    const byName = (await call(t.app, town, 'GET', `${url}?q=${encodeURIComponent('家长')}`)).json();
    expect(byName.total).toBe(1);
    const edited = await call(t.app, town, 'PATCH', `${url}/${created.id}`, {
      name: '甲镇新时代家长学校',
      version: 1,
    });
    expect(edited.json()).toMatchObject({ name: '甲镇新时代家长学校', version: 2 });
    const stale = await call(t.app, town, 'PATCH', `${url}/${created.id}`, { name: '再改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await call(t.app, town, 'DELETE', `${url}/${created.id}?version=2`)).statusCode).toBe(200);
    expect((await call(t.app, town, 'GET', `${url}?kind=parentSchool`)).json().total).toBe(0);
    expect((await call(t.app, town, 'GET', `${url}?status=deleted`)).json().total).toBe(1);
    const restored = await call(t.app, town, 'POST', `${url}/${created.id}/restore`, { version: 3 });
    expect(restored.json().deletedAt).toBeNull();
  });

  it('a village sees only its own sites; a viewer cannot write', async () => {
    const village = await login(t.app, 'villageA2');
    const list = (await call(t.app, village, 'GET', url)).json();
    expect(list.items.every((s: { orgUnitName: string }) => s.orgUnitName === '甲二村妇联')).toBe(true);
    const viewer = await login(t.app, 'viewerA');
    const res = await call(t.app, viewer, 'POST', url, {
      orgUnitId: org.units.townA.id,
      kind: 'other',
      name: '查看者阵地',
    });
    expect(res.statusCode).toBe(403);
  });
});
