import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelOf, orgKindLabels, orgKinds } from '../../../contracts/org';
import { hashPassword } from '../../kernel/auth/password';
import { users } from '../../kernel/auth/users.table';
import { uuidv7 } from '../../kernel/db/ids';
import { call, createTestApp, login, type Session, seedOrg, TEST_PASSWORD } from '../../test/test-app';

// Banner-style units (旗 / 苏木 / 嘎查, as in Inner Mongolia) are unit kinds of their own that stand
// at the county's, the town's and the village's level: what a county, town or village may do, a
// banner, sumu or gacha may do; grids and the courtyard scheme work at a gacha as at a village.
let t: Awaited<ReturnType<typeof createTestApp>>;
let banner: Session;
const root = { id: uuidv7(), path: '' };
const me = async (username: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { user: { permissions: string[] } }).user;
};
const addUser = async (username: string, orgUnitId: string) =>
  t.db.insert(users).values({
    id: uuidv7(),
    username,
    displayName: username,
    role: 'federationAdmin',
    orgUnitId,
    passwordHash: await hashPassword(TEST_PASSWORD),
  });

beforeAll(async () => {
  t = await createTestApp();
  await seedOrg(t.db);
  root.path = `/${root.id}/`;
  await t.db.$client.query(
    `insert into org_units (id, parent_id, kind, name, path, depth) values ($1, null, 'banner', '测试旗妇联', $2, 0)`,
    [root.id, root.path],
  );
  await addUser('bannerAdmin', root.id);
  banner = await login(t.app, 'bannerAdmin');
});
afterAll(() => t.close());

describe('banner, sumu and gacha units', () => {
  it('every kind has a level and zh-CN and English labels', () => {
    expect(orgKinds.filter((k) => levelOf(k) === 'village')).toEqual(['village', 'gacha', 'community']);
    expect(orgKinds.filter((k) => levelOf(k) === 'town')).toEqual(['town', 'sumu', 'street']);
    expect(orgKinds.filter((k) => levelOf(k) === 'county')).toEqual(['county', 'banner']);
    expect(orgKindLabels.banner).toEqual({ zh: '旗妇联', en: 'Banner federation' });
    expect(orgKindLabels.sumu.zh).toBe('苏木妇联');
    expect(orgKindLabels.gacha.zh).toBe('嘎查妇联');
  });

  it('a banner sets up 苏木 and 嘎查 beneath it, and refuses a 嘎查 directly under the banner', async () => {
    const sumu = await call(t.app, banner, 'POST', '/api/v1/org/units', {
      parentId: root.id,
      kind: 'sumu',
      name: '巴音苏木妇联',
      foundedOn: '2025-03-01',
    });
    expect(sumu.statusCode, sumu.body).toBe(201);
    const gacha = await call(t.app, banner, 'POST', '/api/v1/org/units', {
      parentId: sumu.json().id,
      kind: 'gacha',
      name: '乌兰嘎查妇联',
      foundedOn: '2025-05-01',
    });
    expect(gacha.statusCode, gacha.body).toBe(201);
    const wrong = await call(t.app, banner, 'POST', '/api/v1/org/units', {
      parentId: root.id,
      kind: 'gacha',
      name: '直属嘎查妇联',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('旗妇联下不能设立嘎查妇联');
    const founded = (
      await call(
        t.app,
        banner,
        'GET',
        '/api/v1/indicators/org.unitsFounded/values?from=2025-01-01&to=2025-12-31&groupBy=kind',
      )
    ).json();
    expect(founded.rows.map((r: { label: string; value: number }) => [r.label, r.value]).sort()).toEqual([
      ['嘎查妇联', 1],
      ['苏木妇联', 1],
    ]);

    // A 苏木 may do what a town may, a 嘎查 what a village may.
    await addUser('sumuAdmin', sumu.json().id);
    await addUser('gachaAdmin', gacha.json().id);
    const asSumu = await me('sumuAdmin');
    const asGacha = await me('gachaAdmin');
    const asBanner = await me('bannerAdmin');
    for (const p of ['org.manage', 'users.write', 'audit.read', 'courtyards.manage']) {
      expect(asBanner.permissions).toContain(p);
      expect(asSumu.permissions).toContain(p);
      expect(asGacha.permissions).not.toContain(p);
    }
    expect(asGacha.permissions).toContain('org.write');

    // Grids divide a 嘎查 as they divide a village; a 苏木 is refused.
    const grid = await call(t.app, banner, 'POST', '/api/v1/org/grids', {
      orgUnitId: gacha.json().id,
      name: '乌兰嘎查第一网格',
    });
    expect(grid.statusCode, grid.body).toBe(201);
    const notHere = await call(t.app, banner, 'POST', '/api/v1/org/grids', {
      orgUnitId: sumu.json().id,
      name: '苏木网格',
    });
    expect(notHere.statusCode).toBe(400);
    expect(notHere.json().error.message).toBe('网格只能设在村（嘎查、社区）妇联下，“巴音苏木妇联”是苏木妇联');
  });
});
