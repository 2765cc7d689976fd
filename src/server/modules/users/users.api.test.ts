import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../contracts/users';
import { call, createTestApp, login, type Session, seedOrg, TEST_PASSWORD } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const usersUrl = '/api/v1/users';

type ErrorJson = {
  error: { code: string; message: string; details?: { field?: string; message: string }[] };
};

const signIn = (username: string, password: string) =>
  call(t.app, null, 'POST', '/api/v1/auth/login', { username, password });

const me = (session: Session) => call(t.app, session, 'GET', '/api/v1/auth/me');

/** A fresh account in villageA1, created by townA through the API. */
const createUser = async (username: string, over: Record<string, unknown> = {}): Promise<User> => {
  const res = await call(t.app, town, 'POST', usersUrl, {
    username,
    displayName: `${username}姓名`,
    orgUnitId: org.units.villageA1.id,
    role: 'cadre',
    password: 'start-pass-2026',
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(`create ${username}: ${res.statusCode} ${res.body}`);
  return res.json();
};

const usernames = (body: { items: { username: string }[] }) => body.items.map((u) => u.username);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
});
afterAll(() => t.close());

describe('creating accounts', () => {
  it('the town chair opens an account for a village cadre; the answer and the audit row hold no password', async () => {
    const res = await call(t.app, town, 'POST', usersUrl, {
      username: 'liHua',
      displayName: '李华',
      orgUnitId: org.units.villageA1.id,
      role: 'cadre',
      password: 'village-2026',
      phone: '13800138000',
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'liHua',
      displayName: '李华',
      role: 'cadre',
      orgUnitId: org.units.villageA1.id,
      orgUnitName: '甲一村妇联',
      phone: '13800138000',
      status: 'active',
      version: 1,
      lockedUntil: null,
      lastLoginAt: null,
    });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).not.toMatch(/password/i);
    expect(res.body).not.toContain('village-2026');

    const { rows } = await t.db.$client.query(
      'select module, action, actor_user_id, org_unit_id, after from audit_log where entity_id = $1',
      [user.id],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        module: 'users',
        action: 'create',
        actor_user_id: org.userIds.townA,
        org_unit_id: org.units.villageA1.id,
      }),
    ]);
    expect(rows[0].after).toMatchObject({ username: 'liHua', role: 'cadre' });
    const afterJson = JSON.stringify(rows[0].after);
    expect(afterJson).not.toMatch(/password/i);
    expect(afterJson).not.toContain('village-2026');
    expect(afterJson).not.toContain('$argon2');

    const signedIn = await signIn('liHua', 'village-2026');
    expect(signedIn.statusCode).toBe(200);
  });

  it('a username already taken, in any letter case, is refused as a duplicate', async () => {
    await createUser('wangFang');
    const res = await call(t.app, town, 'POST', usersUrl, {
      username: 'WANGFANG',
      displayName: '另一个王芳',
      orgUnitId: org.units.villageA2.id,
      role: 'viewer',
      password: 'other-pass-2026',
    });
    expect(res.statusCode).toBe(409);
    const body: ErrorJson = res.json();
    expect(body.error.code).toBe('DUPLICATE');
    expect(body.error.message).toBe('用户名“WANGFANG”已被使用');
    expect(body.error.details).toEqual([{ field: 'username', message: '用户名已被使用' }]);
    const { rows } = await t.db.$client.query(
      "select count(*)::int as n from users where lower(username) = 'wangfang'",
    );
    expect(rows[0].n).toBe(1);
  });

  it.each([
    ['abcdefgh', '密码须同时包含字母和数字'],
    ['abc123', '密码至少8位'],
  ])('a weak password %s is refused with a zh-CN reason on the password field', async (password, message) => {
    const res = await call(t.app, town, 'POST', usersUrl, {
      username: `weak${password.length}`,
      displayName: '弱密码',
      orgUnitId: org.units.villageA1.id,
      role: 'viewer',
      password,
    });
    expect(res.statusCode).toBe(400);
    const body: ErrorJson = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toContainEqual({ field: 'password', message });
    expect(body.error.message).toContain(message);
    const { rows } = await t.db.$client.query('select count(*)::int as n from users where username = $1', [
      `weak${password.length}`,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('a field the form does not have (orgUnitPath) is refused, not silently applied', async () => {
    const res = await call(t.app, town, 'POST', usersUrl, {
      username: 'sneaky',
      displayName: '夹带字段',
      orgUnitId: org.units.villageA1.id,
      role: 'viewer',
      password: 'sneaky-2026',
      orgUnitPath: org.units.county.path,
    });
    expect(res.statusCode).toBe(400);
    const body: ErrorJson = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toContain('orgUnitPath');
    const { rows } = await t.db.$client.query(
      "select count(*)::int as n from users where username = 'sneaky'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('a viewer in the town cannot open accounts', async () => {
    const viewer = await login(t.app, 'viewerA');
    const res = await call(t.app, viewer, 'POST', usersUrl, {
      username: 'byViewer',
      displayName: '只读创建',
      orgUnitId: org.units.villageA1.id,
      role: 'viewer',
      password: 'viewer-2026',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const { rows } = await t.db.$client.query(
      "select count(*)::int as n from users where username = 'byViewer'",
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('never grant more than you hold', () => {
  it('a federation admin cannot open a system-admin account', async () => {
    const res = await call(t.app, town, 'POST', usersUrl, {
      username: 'fakeRoot',
      displayName: '冒充管理员',
      orgUnitId: org.units.villageA1.id,
      role: 'sysAdmin',
      password: 'fake-root-2026',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: '无权操作：您不能授予或管理“系统管理员”角色的账号',
    });
    const { rows } = await t.db.$client.query(
      "select count(*)::int as n from users where username = 'fakeRoot'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('a federation admin cannot promote a cadre to system admin', async () => {
    const cadre = await createUser('promoteMe');
    const res = await call(t.app, town, 'PATCH', `${usersUrl}/${cadre.id}`, {
      role: 'sysAdmin',
      version: cadre.version,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const { rows } = await t.db.$client.query('select role, version from users where id = $1', [cadre.id]);
    expect(rows[0]).toEqual({ role: 'cadre', version: 1 });
  });

  it('the town cannot even see the county system admin: edit, reset and disable answer 404', async () => {
    const id = org.userIds.sysadmin;
    const attempts = [
      call(t.app, town, 'GET', `${usersUrl}/${id}`),
      call(t.app, town, 'PATCH', `${usersUrl}/${id}`, { displayName: '改名', version: 1 }),
      call(t.app, town, 'POST', `${usersUrl}/${id}/reset-password`, {
        password: 'taken-over-2026',
        version: 1,
      }),
      call(t.app, town, 'POST', `${usersUrl}/${id}/disable`, { version: 1 }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.body).not.toContain('sysadmin');
    }
    const signedIn = await signIn('sysadmin', TEST_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
  });

  it('the county federation admin sees the system admin but may not edit or reset her', async () => {
    const county = await login(t.app, 'county');
    const id = org.userIds.sysadmin;
    const seen = await call(t.app, county, 'GET', `${usersUrl}/${id}`);
    expect(seen.statusCode).toBe(200);
    const edit = await call(t.app, county, 'PATCH', `${usersUrl}/${id}`, { displayName: '改名', version: 1 });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.code).toBe('FORBIDDEN');
    const reset = await call(t.app, county, 'POST', `${usersUrl}/${id}/reset-password`, {
      password: 'taken-over-2026',
      version: 1,
    });
    expect(reset.statusCode).toBe(403);
    const { rows } = await t.db.$client.query('select display_name, version from users where id = $1', [id]);
    expect(rows[0]).toEqual({ display_name: 'sysadmin用户', version: 1 });
  });
});

describe('editing accounts', () => {
  it('an edit made from a stale page is refused with 409 and a zh-CN message', async () => {
    const user = await createUser('zhaoLei');
    const first = await call(t.app, town, 'PATCH', `${usersUrl}/${user.id}`, {
      displayName: '赵蕾',
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ displayName: '赵蕾', version: 2 });
    const stale = await call(t.app, town, 'PATCH', `${usersUrl}/${user.id}`, {
      displayName: '赵磊',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toEqual({
      code: 'VERSION_CONFLICT',
      message: '该记录已被他人修改，请刷新后重新编辑',
    });
    const { rows } = await t.db.$client.query('select display_name from users where id = $1', [user.id]);
    expect(rows[0].display_name).toBe('赵蕾');
  });

  it('after a password reset the old password fails, the new one works, and her open session is ended', async () => {
    const user = await createUser('sunMei', { password: 'old-pass-2026' });
    const hers = await login(t.app, 'sunMei', 'old-pass-2026');
    expect((await me(hers)).statusCode).toBe(200);

    const reset = await call(t.app, town, 'POST', `${usersUrl}/${user.id}/reset-password`, {
      password: 'new-pass-2026',
      version: user.version,
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().version).toBe(user.version + 1);
    expect(reset.body).not.toContain('new-pass-2026');

    expect((await me(hers)).statusCode).toBe(401);
    const old = await signIn('sunMei', 'old-pass-2026');
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await signIn('sunMei', 'new-pass-2026')).statusCode).toBe(200);

    const { rows } = await t.db.$client.query(
      "select before, after from audit_log where entity_id = $1 and action = 'resetPassword'",
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toMatch(/password"|new-pass-2026|\$argon2/i);
  });

  it('disabling an account ends her session and she cannot sign in; enabling lets her back', async () => {
    const user = await createUser('qianYu', { password: 'qian-pass-2026' });
    const hers = await login(t.app, 'qianYu', 'qian-pass-2026');

    const disabled = await call(t.app, town, 'POST', `${usersUrl}/${user.id}/disable`, { version: 1 });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ status: 'disabled', version: 2 });

    const meAfter = await me(hers);
    expect(meAfter.statusCode).toBe(401);
    const refused = await signIn('qianYu', 'qian-pass-2026');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toEqual({ code: 'ACCOUNT_DISABLED', message: '该账号已停用，请联系管理员' });

    const again = await call(t.app, town, 'POST', `${usersUrl}/${user.id}/disable`, { version: 2 });
    expect(again.statusCode).toBe(409);

    const enabled = await call(t.app, town, 'POST', `${usersUrl}/${user.id}/enable`, { version: 2 });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json()).toMatchObject({ status: 'active', version: 3 });
    expect((await signIn('qianYu', 'qian-pass-2026')).statusCode).toBe(200);

    const { rows } = await t.db.$client.query(
      'select action from audit_log where entity_id = $1 and module = $2 order by id',
      [user.id, 'users'],
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'disable', 'enable']);
  });

  it('a chair cannot disable her own account', async () => {
    const res = await call(t.app, town, 'POST', `${usersUrl}/${org.userIds.townA}/disable`, { version: 1 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({ code: 'FORBIDDEN', message: '不能停用自己的账号' });
    expect((await me(town)).statusCode).toBe(200);
    const { rows } = await t.db.$client.query('select status from users where id = $1', [org.userIds.townA]);
    expect(rows[0].status).toBe('active');
  });
});

describe('listing accounts', () => {
  beforeAll(async () => {
    await createUser('zhouLing', { displayName: '周玲', role: 'viewer', orgUnitId: org.units.villageA2.id });
    await createUser('wuJing', { displayName: '吴静', role: 'executiveMember' });
    const sleeper = await createUser('sleepy', { displayName: '停用者' });
    const res = await call(t.app, town, 'POST', `${usersUrl}/${sleeper.id}/disable`, { version: 1 });
    expect(res.statusCode).toBe(200);
  });

  const list = async (query: string) => {
    const res = await call(t.app, town, 'GET', `${usersUrl}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: User[]; total: number };
  };

  it('finds people by part of the username or the display name, in any case', async () => {
    expect(usernames(await list('q=ZHOU'))).toEqual(['zhouLing']);
    expect(usernames(await list(`q=${encodeURIComponent('吴')}`))).toEqual(['wuJing']);
    expect((await list('q=nobody-like-this')).total).toBe(0);
  });

  it('a search for % or _ matches those characters literally, not everything', async () => {
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await list(`q=${encodeURIComponent('_')}`)).total).toBe(0);
  });

  it('filters by role and by status', async () => {
    const viewers = await list('role=viewer&pageSize=200');
    expect(usernames(viewers).sort()).toEqual(['viewerA', 'zhouLing']);
    expect(viewers.items.every((u) => u.role === 'viewer')).toBe(true);
    const disabled = await list('status=disabled&pageSize=200');
    expect(usernames(disabled)).toEqual(['sleepy']);
  });

  it('narrows to one village with orgUnitId', async () => {
    const a2 = await list(`orgUnitId=${org.units.villageA2.id}&pageSize=200`);
    expect(usernames(a2).sort()).toEqual(['villageA2', 'zhouLing']);
    expect(a2.items.every((u) => u.orgUnitId === org.units.villageA2.id)).toBe(true);
    const a1 = await list(`orgUnitId=${org.units.villageA1.id}&pageSize=200`);
    expect(a1.items.every((u) => u.orgUnitId === org.units.villageA1.id)).toBe(true);
    expect(usernames(a1)).toContain('wuJing');
    expect(usernames(a1)).not.toContain('zhouLing');
  });

  it('the town sees only her own subtree: no county, townB or villageB1 accounts', async () => {
    const all = await list('pageSize=200');
    const names = usernames(all);
    expect(names).toContain('townA');
    expect(names).toContain('villageA1');
    for (const outside of ['county', 'sysadmin', 'townB', 'villageB1']) expect(names).not.toContain(outside);
    expect(all.total).toBe(all.items.length);
  });

  it('pages: one per page still reports the full total, and page 2 holds the next person', async () => {
    const all = await list('pageSize=200');
    const first = await list('pageSize=1');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(all.total);
    expect(first.total).toBeGreaterThan(1);
    const second = await list('pageSize=1&page=2');
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).toBe(all.items[1].id);
    expect(first.items[0].id).toBe(all.items[0].id);
    const past = await list('pageSize=1&page=9999');
    expect(past).toEqual({ items: [], total: all.total });
  });

  it('refuses a page size over 200', async () => {
    const res = await call(t.app, town, 'GET', `${usersUrl}?pageSize=201`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details[0].field).toBe('pageSize');
  });

  it('sorts by a whitelisted field, descending with a minus', async () => {
    const sorted = usernames(await list('sort=-username&pageSize=200'));
    expect(sorted.length).toBeGreaterThan(3);
    const expected = [...sorted].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    expect(sorted).toEqual(expected);
  });

  it('refuses to sort by a column outside the whitelist, such as passwordHash', async () => {
    const res = await call(t.app, town, 'GET', `${usersUrl}?sort=passwordHash`);
    expect(res.statusCode).toBe(400);
    const body: ErrorJson = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.[0].field).toBe('sort');
    expect(body.error.message).toContain('不支持按“passwordHash”排序');
  });

  it('a viewer has no users.read and cannot list accounts', async () => {
    const viewer = await login(t.app, 'viewerA');
    const res = await call(t.app, viewer, 'GET', usersUrl);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});
