import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login } from '../test/test-app';
import { DEMO_PASSWORD, seedDemo } from './seed-demo';

let t: Awaited<ReturnType<typeof createTestApp>>;
const q = async (text: string) => (await t.db.$client.query(text)).rows;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.app.fieldCrypto, t.app.appConfig.dataDir);
}, 240_000);
afterAll(() => t.close());

describe('demo town 青石镇: a year of donation drives and two-cancer aid', () => {
  it('every drive reconciles: donations − disbursements = balance, never negative', async () => {
    const town = await login(t.app, 'town', DEMO_PASSWORD);
    const drives = await call(t.app, town, 'GET', '/api/v1/donations/drives');
    expect(drives.json().total).toBe(2);
    for (const d of drives.json().items) {
      expect(d.balanceFen).toBeGreaterThanOrEqual(0);
      const r = await call(t.app, town, 'GET', `/api/v1/donations/drives/${d.id}/reconciliation`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().isBalanced).toBe(true);
      expect(r.json().months.length).toBeGreaterThan(6);
    }
    const waiting = await call(t.app, town, 'GET', '/api/v1/donations/disbursements?waitingOnMe=1');
    expect(waiting.json().total).toBeGreaterThan(0);
  });

  it('the town’s to-dos name the disbursements waiting on its review, counted from the indicator', async () => {
    const town = await login(t.app, 'town', DEMO_PASSWORD);
    const now = new Date();
    const res = await call(
      t.app,
      town,
      'GET',
      `/api/v1/reports/dashboard?year=${now.getFullYear()}&month=${now.getMonth() + 1}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const todo = res
      .json()
      .todos.find((x: { id: string }) => x.id.startsWith('donations.waitingDisbursements:submitted'));
    expect(todo?.title.zh).toMatch(/有\d+笔善款发放申报待镇审核/);
    const [{ n }] = await q(`select count(*)::int as n from disbursements where status = 'submitted'`);
    expect(todo.count).toBe(n);
    expect(todo.figure.source.indicatorKey).toBe('donations.disbursements');
  });

  it('has aid applications at every step, the paid ones with a diagnosis document', async () => {
    const rows =
      await q(`select status, count(*)::int as n, bool_and(document_key is not null or status = 'draft') as documented
      from cancer_aid_applications group by status order by status`);
    expect(rows.map((r) => r.status)).toEqual(
      expect.arrayContaining(['paid', 'granted', 'refused', 'countyReviewed', 'submitted', 'draft']),
    );
    for (const r of rows) expect(r.documented).toBe(true);
    const county = await login(t.app, 'county', DEMO_PASSWORD);
    const [paid] = await q(`select id from cancer_aid_applications where status = 'paid' limit 1`);
    const doc = await call(t.app, county, 'GET', `/api/v1/cancer-aid/${paid.id}/document`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
  });

  it('the town’s annual summary states students aided and money paid', async () => {
    const town = await login(t.app, 'town', DEMO_PASSWORD);
    const year = new Date().getFullYear() - 1;
    const res = await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', { kind: 'annual', year });
    expect(res.statusCode, res.body).toBe(200);
    const aid = res.json().content.sections.find((s: { key: string }) => s.key === 'aid');
    const text = aid.paragraphs
      .flatMap((p: { runs: { text?: string; display?: string }[] }) => p.runs.map((r) => r.text ?? r.display))
      .join('');
    expect(text, text).toMatch(/资助困难学生\d+名，发放助学金\d+(余)?元/);
  });
});
