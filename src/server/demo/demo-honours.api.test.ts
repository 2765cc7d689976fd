import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../kernel/time/calendar';
import { call, createTestApp, login } from '../test/test-app';
import { DEMO_PASSWORD, seedDemo } from './seed-demo';

let t: Awaited<ReturnType<typeof createTestApp>>;
const q = async (text: string) => (await t.db.$client.query(text)).rows;
const year = Number(shanghaiToday().slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.app.fieldCrypto);
}, 180_000);
afterAll(() => t.close());

describe('demo town 青石镇: a year of honours and duties', () => {
  it('every duty record and project lies in its member’s term and not after today', async () => {
    const [{ records, projects }] = await q(
      `select (select count(*)::int from duty_records) as records, (select count(*)::int from duty_projects) as projects`,
    );
    expect(records).toBeGreaterThan(1000);
    expect(projects).toBeGreaterThan(50);
    const outside = await q(`select r.id from duty_records r where r.occurred_on > current_date + 1
        or not exists (select 1 from role_terms t where t.person_id = r.member_id and t.role = 'executiveMember'
          and t.started_on <= r.occurred_on and (t.ended_on is null or t.ended_on >= r.occurred_on)) limit 1`);
    expect(outside).toEqual([]);
  });

  it('the town reads its compliance, honours by level and a notice running now', async () => {
    const town = await login(t.app, 'town', DEMO_PASSWORD);
    const c = (await call(t.app, town, 'GET', `/api/v1/honours/duty-compliance?year=${year}`)).json();
    expect(c.members).toBeGreaterThan(50);
    expect(c.compliant).toBeGreaterThan(0);
    expect(c.compliant).toBeLessThan(c.members);
    const awarded = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/honours.awarded/values?from=${year - 1}-01-01&to=${year - 1}-12-31&groupBy=level`,
      )
    ).json();
    expect(awarded.total).toBeGreaterThan(10);
    const inNotice = (
      await call(t.app, town, 'GET', '/api/v1/honours/nominations?status=publicizing')
    ).json();
    expect(inNotice.total).toBeGreaterThanOrEqual(3);
  });
});
