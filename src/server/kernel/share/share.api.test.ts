import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let townA: Session;
let townB: Session;
let villageA1: Session;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  townA = await login(t.app, 'townA');
  townB = await login(t.app, 'townB');
  villageA1 = await login(t.app, 'villageA1');
});
afterAll(() => t.close());

const share = (session: Session, orgUnitId: string, month = '2026-11') =>
  call(t.app, session, 'POST', '/api/v1/shares/courtyards.notice', { orgUnitId, month });
const open = (path: string) => call(t.app, null, 'GET', `/api/v1/shared/${path.slice('/s/'.length)}`);

describe('read-only share links', () => {
  it('shares a village 公示 as a link anyone can read, without signing in, showing only the notice', async () => {
    const res = await share(villageA1, org.units.villageA1.id);
    expect(res.statusCode, res.body).toBe(201);
    const link = res.json();
    expect(link.path).toMatch(/^\/s\/[A-Za-z0-9_-]{43}$/);
    expect(link.title).toBe('甲一村妇联2026年11月美丽庭院公示');
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const seen = await open(link.path);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['cache-control']).toBe('no-store');
    const doc = seen.json();
    expect(doc).toMatchObject({ kind: 'courtyards.notice', title: link.title });
    expect(doc.payload).toMatchObject({
      orgUnitName: '甲一村妇联',
      month: '2026-11',
      redList: [],
      blackList: [],
    });
    // The token itself is never stored: only its hash.
    const stored = await t.db.$client.query('select token_hash from share_links where id = $1', [link.id]);
    expect(stored.rows[0].token_hash).not.toContain(link.path.slice(3));
    const audited = await t.db.$client.query(
      "select count(*)::int as n from audit_log where action = 'share' and entity_id = $1",
      [link.id],
    );
    expect(audited.rows[0].n).toBe(1);
  });

  it('shares nothing outside her subtree, and only what a notice is (a town is refused)', async () => {
    expect((await share(townB, org.units.villageA1.id)).statusCode).toBe(404);
    expect((await share(villageA1, org.units.villageA2.id)).statusCode).toBe(404);
    const town = await share(townA, org.units.townA.id);
    expect(town.statusCode).toBe(400);
    expect(
      await t.db.$client
        .query('select count(*)::int as n from share_links where org_unit_id = $1', [org.units.townA.id])
        .then((r) => r.rows[0].n),
    ).toBe(0);
  });

  it('ends a link when revoked (by her or her town, not by another town) or expired; all read the same', async () => {
    const a = (await share(villageA1, org.units.villageA1.id)).json();
    expect((await call(t.app, townB, 'DELETE', `/api/v1/shares/${a.id}`)).statusCode).toBe(404);
    expect((await open(a.path)).statusCode).toBe(200);
    expect((await call(t.app, townA, 'DELETE', `/api/v1/shares/${a.id}`)).statusCode).toBe(204);
    const gone = await open(a.path);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toBe('分享链接不存在、已过期或已被撤销');

    const b = (await share(villageA1, org.units.villageA1.id)).json();
    await t.db.$client.query(
      "update share_links set expires_at = now() - interval '1 minute' where id = $1",
      [b.id],
    );
    expect((await open(b.path)).json().error.message).toBe('分享链接不存在、已过期或已被撤销');
    const unknown = await open(`/s/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect((await call(t.app, null, 'GET', '/api/v1/shared/short')).statusCode).toBe(400);
  });

  it('shares a saved work summary as its prose only: numbered headings, figures as words, the plan', async () => {
    const created = await call(t.app, villageA1, 'POST', '/api/v1/reports/summaries', {
      orgUnitId: org.units.villageA1.id,
      kind: 'annual',
      year: 2026,
      planItems: [{ id: 'p1', text: '办好三八节系列活动' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const summaryId = created.json().id;
    expect(
      (await call(t.app, townB, 'POST', '/api/v1/shares/reports.summary', { summaryId })).statusCode,
    ).toBe(404);
    const res = await call(t.app, villageA1, 'POST', '/api/v1/shares/reports.summary', { summaryId });
    expect(res.statusCode, res.body).toBe(201);
    const doc = (await open(res.json().path)).json();
    expect(doc.kind).toBe('reports.summary');
    expect(doc.payload.signature).toEqual(['甲一村妇联']);
    const headings = doc.payload.sections.map((s: { heading: string | null }) => s.heading).filter(Boolean);
    expect(headings[0]).toMatch(/^一、/);
    expect(doc.payload.sections.at(-1).paragraphs).toEqual(['1. 办好三八节系列活动']);
    // Prose only: no figure's provenance (indicator keys, unit ids) travels with the link.
    expect(JSON.stringify(doc.payload)).not.toContain('indicatorKey');
    expect(JSON.stringify(doc.payload)).not.toContain(org.units.villageA1.id);
  });
});
