import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let village: Session;
let viewer: Session;

const denials = async (userId: string) =>
  (
    await t.db.$client.query<{ label: string; org_path: string; after: Record<string, unknown> }>(
      `select entity_label as label, org_path, after from audit_log
       where action = 'accessDenied' and actor_user_id = $1 order by id`,
      [userId],
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  village = await login(t.app, 'villageA1');
  viewer = await login(t.app, 'viewerA');
});
afterAll(() => t.close());

describe('access denials are audited', () => {
  it("a unit outside her subtree answers 404 like a missing one, and is audited in her own unit's log", async () => {
    const foreign = await call(
      t.app,
      village,
      'GET',
      `/api/v1/people/persons?orgUnitId=${org.units.villageB1.id}`,
    );
    const missing = await call(
      t.app,
      village,
      'GET',
      '/api/v1/people/persons?orgUnitId=0193a5b2-7c1e-7000-8000-000000000000',
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    await expect.poll(async () => (await denials(org.userIds.villageA1)).length).toBe(1);
    const [row] = await denials(org.userIds.villageA1);
    expect(row.label).toBe('GET /api/v1/people/persons');
    expect(row.org_path).toBe(org.units.villageA1.path);
    expect(row.after).toMatchObject({ status: 404, attempts: 1 });
  });

  it('a permission refusal (403) is audited; a flood of them writes one row counting them all', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await call(t.app, viewer, 'POST', '/api/v1/org/units', {
        parentId: org.units.townA.id,
        kind: 'village',
        name: `越权村${i}`,
      });
      expect(res.statusCode).toBe(403);
    }
    await expect.poll(async () => (await denials(org.userIds.viewerA)).length).toBe(1);
    await t.app.securityAudit.flush();
    const rows = await denials(org.userIds.viewerA);
    expect(rows.map((r) => r.after.attempts)).toEqual([1, 29]);
    expect(rows[0].after).toMatchObject({ method: 'POST', route: '/api/v1/org/units', code: 'FORBIDDEN' });
  });
});
