import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
});
afterAll(() => t.close());

describe('record history (变更记录) for any ledger record', () => {
  it('a reader of a site sees its changes newest first; a sibling gets 404; a viewer without audit.read still sees it', async () => {
    const town = await login(t.app, 'townA');
    const site = (
      await call(t.app, town, 'POST', '/api/v1/org/sites', {
        orgUnitId: org.units.villageA1.id,
        kind: 'womenHome',
        name: '甲一村妇女之家',
      })
    ).json();
    await call(t.app, town, 'PATCH', `/api/v1/org/sites/${site.id}`, {
      name: '甲一村新时代妇女之家',
      version: 1,
    });
    const url = `/api/v1/history?entityType=site&entityId=${site.id}`;
    const history = (await call(t.app, town, 'GET', url)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(history.items[0]).toMatchObject({
      before: { name: '甲一村妇女之家' },
      after: { name: '甲一村新时代妇女之家' },
    });
    const viewer = await login(t.app, 'viewerA');
    expect((await call(t.app, viewer, 'GET', url)).json().items).toHaveLength(2);
    const sibling = await login(t.app, 'villageA2');
    const res = await call(t.app, sibling, 'GET', url);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('妇女之家');
  });
});
