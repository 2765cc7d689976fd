import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from './test/test-app';

/**
 * The org-tree access matrix: every registered /api route, called by users of sibling units with
 * ids from outside their subtree, must answer 403/404 and reveal nothing. A new route fails this
 * test until it is listed below with a request that targets foreign data.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;

// Routes that act only on the caller herself: there is no foreign id to try.
const selfOnly = new Set(['GET /api/v1/auth/me', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/password']);

const foreignRequest = (method: string, url: string): { url: string; body?: unknown } | undefined => {
  const ids: Record<string, string> = { orgUnitId: org.units.villageA1.id, userId: org.userIds.villageA1 };
  let missing: string | undefined;
  const path = url.replace(/:(\w+)/g, (_m, name: string) => {
    if (!ids[name]) missing = name;
    return ids[name] ?? '';
  });
  if (missing)
    throw new Error(`no foreign id for :${missing} in ${method} ${url} — add one to the access matrix`);
  const foreignUnit = org.units.villageA1.id;
  const bodies: Record<string, { query?: string; body?: unknown }> = {
    'GET /api/v1/org/tree': {},
    'GET /api/v1/org/units': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/org/units/:orgUnitId': {},
    'POST /api/v1/org/units': {
      body: { parentId: org.units.townA.id, kind: 'village', name: '越权新村妇联' },
    },
    'PATCH /api/v1/org/units/:orgUnitId': { body: { name: '越权改名', version: 1 } },
    'POST /api/v1/org/units/:orgUnitId/move': { body: { newParentId: org.units.townB.id, version: 1 } },
    'POST /api/v1/org/units/:orgUnitId/dissolve': { body: { dissolvedOn: '2026-01-01', version: 1 } },
    'DELETE /api/v1/org/units/:orgUnitId': { query: 'version=1' },
    'POST /api/v1/org/units/:orgUnitId/restore': { body: { version: 1 } },
    'GET /api/v1/users': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/users/:userId': {},
    'POST /api/v1/users': {
      body: {
        username: 'intruder',
        displayName: '越权',
        orgUnitId: foreignUnit,
        role: 'viewer',
        password: 'abcd1234x',
      },
    },
    'PATCH /api/v1/users/:userId': { body: { displayName: '越权', version: 1 } },
    'POST /api/v1/users/:userId/reset-password': { body: { password: 'abcd1234x', version: 1 } },
    'POST /api/v1/users/:userId/disable': { body: { version: 1 } },
    'POST /api/v1/users/:userId/enable': { body: { version: 1 } },
    'GET /api/v1/audit': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/audit/export': { query: `orgUnitId=${foreignUnit}` },
  };
  const spec = bodies[`${method} ${url}`];
  if (!spec) return undefined;
  return { url: spec.query ? `${path}?${spec.query}` : path, body: spec.body };
};

// The org tree is the one route that answers 200 to a sibling: with her own subtree only.
const scopedOk = new Set(['GET /api/v1/org/tree']);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  await login(t.app, 'villageA1'); // leaves audit rows inside villageA1's subtree
});
afterAll(() => t.close());

describe('access matrix', () => {
  it('every /api route declares an access rule and the matrix knows it', () => {
    const routes = t.app.apiRoutes.filter((r) => r.access !== 'public');
    expect(routes.length).toBeGreaterThan(15);
    const unknown = routes
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !selfOnly.has(k) && !foreignRequest(k.split(' ')[0], k.split(' ')[1]));
    expect(unknown, 'routes missing from the access matrix').toEqual([]);
    const signedInOnly = routes.filter((r) => r.access === 'signedIn').map((r) => `${r.method} ${r.url}`);
    expect(new Set(signedInOnly)).toEqual(selfOnly);
  });

  for (const intruder of ['villageA2', 'townB'] as const) {
    it(`${intruder} gets 403/404 on every route aimed at villageA1, and no foreign data`, async () => {
      const session: Session = await login(t.app, intruder);
      const failures: string[] = [];
      for (const r of t.app.apiRoutes) {
        const key = `${r.method} ${r.url}`;
        if (r.access === 'public' || selfOnly.has(key) || scopedOk.has(key)) continue;
        const req = foreignRequest(r.method, r.url);
        if (!req) continue;
        const res = await call(t.app, session, r.method as 'GET', req.url, req.body);
        if (![403, 404].includes(res.statusCode))
          failures.push(`${key} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        for (const secret of [org.units.villageA1.name, 'villageA1用户', org.userIds.villageA1]) {
          if (res.body.includes(secret)) failures.push(`${key} revealed ${secret}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it(`${intruder}'s unfiltered lists, tree and audit hold nothing of villageA1`, async () => {
      const session = await login(t.app, intruder);
      for (const url of [
        '/api/v1/org/tree',
        '/api/v1/org/units?status=all',
        '/api/v1/users',
        '/api/v1/audit?pageSize=200',
      ]) {
        const res = await call(t.app, session, 'GET', url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body).not.toContain(org.units.villageA1.name);
        expect(res.body).not.toContain(org.userIds.villageA1);
      }
    });
  }

  it('the town above sees villageA1 (no wrongful denial downward)', async () => {
    const session = await login(t.app, 'townA');
    const res = await call(t.app, session, 'GET', `/api/v1/org/units/${org.units.villageA1.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe(org.units.villageA1.name);
    const users = await call(t.app, session, 'GET', `/api/v1/users?orgUnitId=${org.units.villageA1.id}`);
    expect(users.json().items.map((u: { username: string }) => u.username)).toEqual(['villageA1']);
  });

  it('without a session every non-public route answers 401', async () => {
    for (const r of t.app.apiRoutes.filter((x) => x.access !== 'public')) {
      const res = await call(
        t.app,
        null,
        r.method as 'GET',
        r.url.replace(/:(\w+)/g, org.units.villageA1.id),
      );
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
});
