import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createTestApp, login, seedOrg, TEST_PASSWORD } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;

const auditCount = async (action: string, entityId: string) =>
  Number(
    (
      await t.db.$client.query('select count(*) from audit_log where action = $1 and entity_id = $2', [
        action,
        entityId,
      ])
    ).rows[0].count,
  );

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
});
afterAll(() => t.close());

describe('sign-in and sessions', () => {
  it('a chair signs in and the session cookie is HttpOnly, SameSite=Lax, and me names her unit and trail', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'villageA1', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'bbt_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.value.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(res.headers['cache-control']).toBe('no-store');
    const me = await call(
      t.app,
      { cookie: `bbt_session=${cookie?.value}`, csrf: '' },
      'GET',
      '/api/v1/auth/me',
    );
    expect(me.statusCode).toBe(200);
    expect(me.json().user.orgUnit.trail.map((u: { name: string }) => u.name)).toEqual([
      '测试县妇联',
      '甲镇妇联',
      '甲一村妇联',
    ]);
    expect(me.json().user.permissions).toContain('org.write');
  });

  it('behind HTTPS the cookie is Secure and __Host- prefixed', async () => {
    const https = await createTestApp({ trustProxyHops: 1 });
    try {
      await seedOrg(https.db);
      const res = await https.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'townA', password: TEST_PASSWORD },
      });
      const cookie = res.cookies.find((c) => c.name === '__Host-bbt_session');
      expect(cookie?.secure).toBe(true);
      expect(cookie?.path).toBe('/');
      // Without a trusted proxy, a client's own X-Forwarded-Proto is not believed.
      const direct = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'townA', password: TEST_PASSWORD },
      });
      expect(direct.cookies.map((c) => [c.name, c.secure ?? false])).toEqual([['bbt_session', false]]);
    } finally {
      await https.close();
    }
  });

  it('a wrong password and an unknown user get the same answer', async () => {
    const a = await call(t.app, null, 'POST', '/api/v1/auth/login', {
      username: 'townB',
      password: 'wrong-1234',
    });
    const b = await call(t.app, null, 'POST', '/api/v1/auth/login', {
      username: 'nobody',
      password: 'wrong-1234',
    });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json().error.message).toBe('用户名或密码不正确');
  });

  it('five failed sign-ins lock the account for 15 minutes, audited, even with the right password', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await call(t.app, null, 'POST', '/api/v1/auth/login', {
        username: 'villageB1',
        password: 'bad-pass-1',
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await call(t.app, null, 'POST', '/api/v1/auth/login', {
      username: 'villageB1',
      password: 'bad-pass-1',
    });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().error.message).toMatch(/15分钟/);
    const right = await call(t.app, null, 'POST', '/api/v1/auth/login', {
      username: 'villageB1',
      password: TEST_PASSWORD,
    });
    expect(right.statusCode).toBe(423);
    expect(await auditCount('locked', org.userIds.villageB1)).toBe(1);
    // Five wrong passwords, and the right one refused by the lock: six failures, six rows.
    expect(await auditCount('loginFailed', org.userIds.villageB1)).toBe(6);
    // After the lockout passes, the right password works again.
    await t.db.$client.query(
      "update users set locked_until = now() - interval '1 second' where username = 'villageB1'",
    );
    const later = await call(t.app, null, 'POST', '/api/v1/auth/login', {
      username: 'villageB1',
      password: TEST_PASSWORD,
    });
    expect(later.statusCode).toBe(200);
  });

  it('writes without the CSRF token are refused; with it they pass', async () => {
    const s = await login(t.app, 'townA');
    const body = { parentId: org.units.townA.id, kind: 'village', name: '丙村妇联' };
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/units',
      headers: { cookie: s.cookie },
      payload: body,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/units',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) },
      payload: body,
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await call(t.app, s, 'POST', '/api/v1/org/units', body);
    expect(ok.statusCode).toBe(201);
  });

  it('after logout the old cookie answers 401', async () => {
    const s = await login(t.app, 'townB');
    expect((await call(t.app, s, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    const replay = await call(t.app, s, 'GET', '/api/v1/auth/me');
    expect(replay.statusCode).toBe(401);
  });

  it('30 minutes idle ends the session (SESSION_EXPIRED)', async () => {
    const s = await login(t.app, 'villageA2');
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 31 * 60_000);
      const res = await call(t.app, s, 'GET', '/api/v1/auth/me');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('SESSION_EXPIRED');
      expect(res.json().error.message).toBe('登录已超时，请重新登录');
    } finally {
      vi.useRealTimers();
    }
  });

  it('every request counts for the idle rule, though the table is written once a minute', async () => {
    const short = await createTestApp({ sessionIdleMs: 90_000 });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await seedOrg(short.db);
      const s = await login(short.app, 'townA');
      const start = Date.now();
      const me = async (atSeconds: number) => {
        vi.setSystemTime(start + atSeconds * 1000);
        return (await call(short.app, s, 'GET', '/api/v1/auth/me')).statusCode;
      };
      // A request every 50 s: the 50 s one is not written (under a minute), yet at 120 s — 70 s
      // after it, 120 s after the last write — she is still signed in.
      expect(await me(50)).toBe(200);
      expect(await me(120)).toBe(200);
      expect(await me(170)).toBe(200);
      // Then 91 s without a request: idle, signed out.
      expect(await me(261)).toBe(401);
    } finally {
      vi.useRealTimers();
      await short.close();
    }
  });

  it('each login issues a new session; changing the password ends the other sessions', async () => {
    const first = await login(t.app, 'enterpriseA');
    const second = await login(t.app, 'enterpriseA');
    expect(first.cookie).not.toBe(second.cookie);
    const weak = await call(t.app, second, 'POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'onlyletters',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toMatchObject({
      field: 'newPassword',
      message: '密码须同时包含字母和数字',
    });
    const res = await call(t.app, second, 'POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'New-pass-2027',
    });
    expect(res.statusCode).toBe(200);
    expect((await call(t.app, first, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await call(t.app, second, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    await expect(login(t.app, 'enterpriseA')).rejects.toThrow();
    await login(t.app, 'enterpriseA', 'New-pass-2027');
  });

  it('failed sign-ins are limited per address; a room of people signing in is not', async () => {
    const limited = await createTestApp();
    try {
      await seedOrg(limited.db);
      // Thirty good sign-ins from one address (a training day behind the township's router).
      for (let i = 0; i < 30; i++) {
        const ok = await call(limited.app, null, 'POST', '/api/v1/auth/login', {
          username: 'county',
          password: TEST_PASSWORD,
        });
        expect(ok.statusCode, `sign-in ${i + 1}`).toBe(200);
      }
      // Twenty failures across accounts, then the address is refused — even with the right password.
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++)
        statuses.push(
          (await call(limited.app, null, 'POST', '/api/v1/auth/login', { username: `x${i}`, password: 'y' }))
            .statusCode,
        );
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses[20]).toBe(429);
      const refused = await call(limited.app, null, 'POST', '/api/v1/auth/login', {
        username: 'county',
        password: TEST_PASSWORD,
      });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toBe('操作过于频繁，请稍后再试');
    } finally {
      await limited.close();
    }
  });

  it('two hundred failed sign-ins on one account are all audited, in a handful of rows', async () => {
    const flood = await createTestApp();
    try {
      const seeded = await seedOrg(flood.db);
      const statuses = new Set<number>();
      for (let i = 0; i < 200; i++) {
        const r = await call(flood.app, null, 'POST', '/api/v1/auth/login', {
          username: 'villageA1',
          password: `guess-${i}`,
        });
        statuses.add(r.statusCode);
      }
      // Wrong passwords, then the lock, then the address window, then the request limit.
      expect([...statuses].sort()).toEqual([401, 423, 429]);
      await flood.app.securityAudit.flush();
      const totals = async () =>
        (
          await flood.db.$client.query<{ rows: number; attempts: number }>(
            `select count(*)::int as rows, coalesce(sum((after->>'attempts')::int), 0)::int as attempts
             from audit_log where action = 'loginFailed'`,
          )
        ).rows[0];
      // A rate-limited request's row is written without holding up its 429.
      await expect.poll(async () => (await totals()).attempts).toBe(200);
      // Five wrong passwords, then per reason one row at once and one row counting the rest.
      expect((await totals()).rows).toBeLessThanOrEqual(11);
      const reasons = await flood.db.$client.query(
        "select distinct after->>'reason' as reason, entity_id from audit_log where action = 'loginFailed'",
      );
      expect(reasons.rows).toEqual(
        expect.arrayContaining([
          { reason: 'wrongPassword', entity_id: seeded.userIds.villageA1 },
          { reason: 'locked', entity_id: seeded.userIds.villageA1 },
          { reason: 'throttled', entity_id: null },
          { reason: 'rateLimited', entity_id: null },
        ]),
      );
    } finally {
      await flood.close();
    }
  });

  it('the password change is throttled like sign-in: five wrong current passwords, then refused', async () => {
    const guarded = await createTestApp();
    try {
      const seeded = await seedOrg(guarded.db);
      const s = await login(guarded.app, 'townB');
      for (let i = 0; i < 5; i++) {
        const wrong = await call(guarded.app, s, 'POST', '/api/v1/auth/password', {
          currentPassword: `guess-${i}-pass`,
          newPassword: 'New-pass-2027',
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().error.details[0].field).toBe('currentPassword');
      }
      // The sixth try is refused before the password is even checked — the right one included.
      const right = await call(guarded.app, s, 'POST', '/api/v1/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'New-pass-2027',
      });
      expect(right.statusCode).toBe(429);
      await guarded.app.securityAudit.flush();
      const rows = await guarded.db.$client.query<{ reason: string; attempts: number }>(
        `select after->>'reason' as reason, (after->>'attempts')::int as attempts from audit_log
         where action = 'changePasswordFailed' and entity_id = $1`,
        [seeded.userIds.townB],
      );
      const byReason = (reason: string) =>
        rows.rows.filter((r) => r.reason === reason).reduce((n, r) => n + r.attempts, 0);
      expect(byReason('wrongPassword')).toBe(5);
      expect(byReason('throttled')).toBe(1);
      await login(guarded.app, 'townB');
    } finally {
      await guarded.close();
    }
  });
});
