import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultActivityTypes } from '../../../contracts/activities';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';
import { shanghaiToday } from './activities.service';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
let town: Session;
let village: Session;
const url = '/api/v1/activities/types';
const year = String(Number(shanghaiToday().slice(0, 4)) - 1);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
});
afterAll(() => t.close());

describe('activity types: the county configures the list', () => {
  it('starts with the default list', async () => {
    const res = (await call(t.app, village, 'GET', url)).json();
    expect(res.isDefault).toBe(true);
    expect(res.types.map((ty: { code: string }) => ty.code)).toEqual(
      defaultActivityTypes.map((ty) => ty.code),
    );
  });

  it('only the county sets it; a town or village is refused and nothing changes', async () => {
    const body = { types: [{ label: { zh: '乡镇自定类型' } }] };
    expect((await call(t.app, town, 'PUT', url, body)).statusCode).toBe(403);
    expect((await call(t.app, village, 'PUT', url, body)).statusCode).toBe(403);
    expect((await call(t.app, county, 'GET', url)).json().isDefault).toBe(true);
  });

  it('renames a type, adds one with a fresh code, and the statistics use the new name', async () => {
    const outreach = await call(t.app, village, 'POST', '/api/v1/activities/activities', {
      orgUnitId: org.units.villageA1.id,
      title: '家风家教主题宣讲',
      type: 'outreach',
      occurredOn: `${year}-04-02`,
      attendance: 30,
    });
    expect(outreach.statusCode, outreach.body).toBe(201);
    const types = [
      ...defaultActivityTypes.map((ty) =>
        ty.code === 'outreach' ? { code: 'outreach', label: { zh: '理论宣讲', en: 'Talk' } } : ty,
      ),
      { label: { zh: '巾帼议事' } },
    ];
    const res = await call(t.app, county, 'PUT', url, { types });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().types.at(-1)).toEqual({
      code: 'custom1',
      label: { zh: '巾帼议事', en: '巾帼议事' },
    });
    // Villages use the county's list at once: the new type is accepted, an unknown one refused.
    const added = await call(t.app, village, 'POST', '/api/v1/activities/activities', {
      orgUnitId: org.units.villageA1.id,
      title: '村级巾帼议事会',
      type: 'custom1',
      occurredOn: `${year}-04-03`,
      attendance: 12,
    });
    expect(added.statusCode, added.body).toBe(201);
    const stats = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/activities.sessions/values?from=${year}-04-01&to=${year}-04-30&groupBy=type`,
      )
    ).json();
    expect(stats.rows.map((r: { label: string; value: number }) => [r.label, r.value]).sort()).toEqual([
      ['巾帼议事', 1],
      ['理论宣讲', 1],
    ]);
    const audit = await t.db.$client.query(
      "select count(*)::int as n from audit_log where entity_type = 'activityTypes' and action = 'update'",
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('refuses to remove a type in use, names it, and keeps the list as it was', async () => {
    const before = (await call(t.app, county, 'GET', url)).json();
    const res = await call(t.app, county, 'PUT', url, {
      types: before.types.filter((ty: { code: string }) => ty.code !== 'outreach' && ty.code !== 'other'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('“理论宣讲”（1条活动）已在台账中使用，不能删除，可以改名');
    expect((await call(t.app, county, 'GET', url)).json()).toEqual(before);
    // An unused type can go.
    const ok = await call(t.app, county, 'PUT', url, {
      types: before.types.filter((ty: { code: string }) => ty.code !== 'other'),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().types.some((ty: { code: string }) => ty.code === 'other')).toBe(false);
  });

  it('refuses duplicate names and an empty list with clear messages', async () => {
    const dup = await call(t.app, county, 'PUT', url, {
      types: [{ label: { zh: '宣讲' } }, { label: { zh: '宣讲' } }],
    });
    expect(dup.statusCode).toBe(400);
    expect(JSON.stringify(dup.json())).toContain('类型名称不能重复');
    const empty = await call(t.app, county, 'PUT', url, { types: [] });
    expect(JSON.stringify(empty.json())).toContain('至少保留一个活动类型');
  });
});
