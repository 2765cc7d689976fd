import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../kernel/time/calendar';
import { call, createTestApp, login } from '../test/test-app';
import { DEMO_PASSWORD, seedDemo } from './seed-demo';

let t: Awaited<ReturnType<typeof createTestApp>>;
const q = async (text: string) => (await t.db.$client.query(text)).rows;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.app.fieldCrypto);
}, 180_000);
afterAll(() => t.close());

describe('demo town 青石镇: a year of 维权关爱', () => {
  it('screens its key people monthly (a few months missed), refers every red, settles most disputes', async () => {
    const [k] = await q(`select count(*)::int as n, count(*) filter (where status = 'closed')::int as closed
      from care_key_people`);
    expect(k.n).toBeGreaterThan(20);
    const [s] = await q(`select count(*)::int as n, count(*) filter (where risk = 'red')::int as red,
      count(*) filter (where risk = 'red' and referral_to is null)::int as unreferred,
      count(*) filter (where risk <> 'green' and reason is null)::int as unexplained from care_screenings`);
    expect(s.n).toBeGreaterThan(k.n * 8);
    expect(s.red).toBeGreaterThan(0);
    expect(s.unreferred).toBe(0);
    expect(s.unexplained).toBe(0);
    const [c] =
      await q(`select count(*)::int as n, count(*) filter (where outcome = 'agreement')::int as agreed,
      count(*) filter (where source = 'hotline' and (ticket_no is null or reply_due_on is null))::int as bad
      from care_mediation_cases`);
    expect(c.agreed / c.n).toBeGreaterThan(0.5);
    expect(c.bad).toBe(0);
  });

  it('the town reads the figures and the to-dos; the village chair sees her assigned cases in full', async () => {
    const year = shanghaiToday().slice(0, 4);
    const town = await login(t.app, 'town', DEMO_PASSWORD);
    const missing = await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/care.missingScreenings/values?from=${year}-01-01&to=${year}-12-31`,
    );
    expect(missing.json().total).toBeGreaterThan(0);
    const village = await login(t.app, 'village', DEMO_PASSWORD);
    const list = await call(t.app, village, 'GET', '/api/v1/care/cases?pageSize=5');
    expect(list.json().total).toBeGreaterThan(0);
    const one = await call(t.app, village, 'GET', `/api/v1/care/cases/${list.json().items[0].id}`);
    expect(one.json().isMasked).toBe(false);
    const asTown = await call(t.app, town, 'GET', `/api/v1/care/cases/${list.json().items[0].id}`);
    expect(asTown.json().isMasked).toBe(true);
  });

  it('pairs most key people and visits them through the year; the village chair has one overdue', async () => {
    const [p] =
      await q(`select count(*)::int as n, count(*) filter (where ended_on is not null)::int as ended,
      (select count(*)::int from care_visits) as visits,
      (select count(distinct key_person_id)::int from care_visits) as visited,
      (select count(*)::int from care_visits where visited_on > (now() at time zone 'Asia/Shanghai')::date) as future
      from care_pairings`);
    expect(p.n).toBeGreaterThan(10);
    expect(p.visits).toBeGreaterThan(p.n * 6);
    expect(p.visited).toBe(p.n);
    expect(p.future).toBe(0);
    const village = await login(t.app, 'village', DEMO_PASSWORD);
    const mine = (await call(t.app, village, 'GET', '/api/v1/care/pairings?mine=1&pageSize=50')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.some((x: { isMasked: boolean }) => !x.isMasked)).toBe(true);
    const overdue = (await call(t.app, village, 'GET', '/api/v1/care/pairings?overdue=1')).json();
    expect(overdue.total).toBeGreaterThan(0);
    const year = shanghaiToday().slice(0, 4);
    const town = await login(t.app, 'town', DEMO_PASSWORD);
    const visits = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/care.visits/values?from=${year}-01-01&to=${year}-12-31`,
      )
    ).json();
    expect(visits.total).toBeGreaterThan(0);
  });
});
