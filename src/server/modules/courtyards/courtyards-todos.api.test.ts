import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRubricRules } from '../../../contracts/courtyards';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let villageA2: Session;
const B = '/api/v1/courtyards';

type Label = { zh: string; en: string };
type Todo = {
  provider: string;
  kind: Label;
  title: Label;
  detail: Label;
  count: number;
  level: string;
  orgUnitId: string;
  orgUnitName: string | null;
  figure: { value: number } | null;
};
const todosOf = async (s: Session, month: number) => {
  const res = await call(t.app, s, 'GET', `/api/v1/reports/dashboard?year=2026&month=${month}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().todos as Todo[]).filter((x) => x.provider.startsWith('courtyards.'));
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  const county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  villageA2 = await login(t.app, 'villageA2');
  expect(
    (
      await call(t.app, county, 'POST', `${B}/rubrics`, {
        orgUnitId: org.units.county.id,
        year: 2026,
        name: '美丽庭院量化评分细则（示例）',
        isExample: true,
        rules: defaultRubricRules,
      })
    ).statusCode,
  ).toBe(201);
  const household = async (unit: 'villageA1' | 'villageA2', houseNumber: string) =>
    (
      await call(t.app, town, 'POST', '/api/v1/people/households', {
        orgUnitId: org.units[unit].id,
        address: '村口路',
        houseNumber,
      })
    ).json().id as string;
  const a1 = await household('villageA1', '1号');
  const a2 = await household('villageA2', '2号');
  // An urban community of the town, in the programme since July like 甲二村.
  const community = await call(t.app, town, 'POST', '/api/v1/org/units', {
    parentId: org.units.townA.id,
    kind: 'community',
    name: '甲镇新城社区妇联',
  });
  expect(community.statusCode, community.body).toBe(201);
  const c1 = (
    await call(t.app, town, 'POST', '/api/v1/people/households', {
      orgUnitId: community.json().id,
      address: '新城小区',
      houseNumber: '3栋',
    })
  ).json().id as string;
  // 甲二村 joined the programme in July; in August only 甲一村 inspected, and a deduction opened a
  // rectification whose 7-day deadline has long passed.
  const inspect = (householdId: string, inspectedOn: string, deductions: unknown[] = []) =>
    call(t.app, town, 'POST', `${B}/inspections`, { householdId, kind: 'monthly', inspectedOn, deductions });
  expect((await inspect(a2, '2026-07-28')).statusCode).toBe(201);
  expect((await inspect(c1, '2026-07-29')).statusCode).toBe(201);
  const aug = await inspect(a1, '2026-08-28', [
    { itemCode: 'kitchen', reasonCode: 'grease', reason: '厨房墙壁油污', points: 3, isRectifying: true },
  ]);
  expect(aug.statusCode, aug.body).toBe(201);
}, 60_000);
afterAll(() => t.close());

describe('courtyard to-dos on the dashboard', () => {
  it('the town sees the village that did not inspect in August and the overdue rectification', async () => {
    const todos = await todosOf(town, 8);
    expect(todos.map((x) => [x.provider, x.title.zh, x.level]).sort()).toEqual([
      ['courtyards.monthlyInspection', '甲二村妇联8月尚未开展美丽庭院入户验收', 'overdue'],
      ['courtyards.monthlyInspection', '甲镇新城社区妇联8月尚未开展美丽庭院入户验收', 'overdue'],
      ['courtyards.overdueRectifications', '甲一村妇联有1项美丽庭院整改已逾期', 'overdue'],
    ]);
    const overdue = todos.find((x) => x.provider === 'courtyards.overdueRectifications');
    expect(overdue?.figure?.value).toBe(1);
    expect(overdue?.count).toBe(1);
    // Each to-do says what kind of job it is and reads in English too (the unit's name is user data).
    expect(overdue?.kind).toEqual({ zh: '整改逾期', en: 'Overdue rectifications' });
    expect(overdue?.title.en).toBe('甲一村妇联: 1 courtyard rectification is overdue');
    expect(overdue?.detail).toEqual({
      zh: '有1项美丽庭院整改已逾期',
      en: '1 courtyard rectification is overdue',
    });
    const missed = todos.filter((x) => x.provider === 'courtyards.monthlyInspection');
    expect(missed.map((x) => x.kind.en)).toEqual([
      'Monthly inspection not done',
      'Monthly inspection not done',
    ]);
    expect(missed.map((x) => x.detail.en)).toEqual([
      'No courtyard inspection for August',
      'No courtyard inspection for August',
    ]);
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    for (const x of todos) {
      expect(x.kind.en).not.toMatch(cjk);
      expect(x.detail.en).not.toMatch(cjk);
      expect(x.title.en.replace(x.orgUnitName ?? '', '')).not.toMatch(cjk);
    }
    // In July 甲二村 inspected and 甲一村 had not joined yet: nothing to chase.
    expect((await todosOf(town, 7)).filter((x) => x.provider === 'courtyards.monthlyInspection')).toEqual([]);
  });

  it('a village sees only her own to-dos', async () => {
    const todos = await todosOf(villageA2, 8);
    expect(todos.map((x) => x.title.zh)).toEqual(['甲二村妇联8月尚未开展美丽庭院入户验收']);
    expect(todos.every((x) => x.orgUnitId === org.units.villageA2.id)).toBe(true);
  });
});
