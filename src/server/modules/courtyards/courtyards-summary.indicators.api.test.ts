import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert } from '../../kernel/db/bulk';
import { uuidv7 } from '../../kernel/db/ids';
import { shanghaiToday } from '../../kernel/time/calendar';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';
import { households } from '../people/people.table';
import { courtyardRatingChanges } from './courtyards.table';

// The courtyard figures an annual summary needs: households ever rated, the inspection groups and the
// chairs in them, featured courtyards by the county's own categories, labelled everywhere.

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
let town: Session;
const B = '/api/v1/courtyards';
const year = shanghaiToday().slice(0, 4);
const q = `from=${year}-01-01&to=${year}-12-31`;
const lastYear = String(Number(year) - 1);

const values = async (s: Session, key: string, extra = '', period = q) => {
  const res = await call(t.app, s, 'GET', `/api/v1/indicators/${key}/values?${period}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; rows: { group: string; label: string; value: number }[] };
};
const sheetRows = async (payload: unknown) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as ArrayBuffer);
  const out: string[] = [];
  wb.worksheets[0].eachRow((r) => {
    out.push((r.values as unknown[]).slice(1).join('|'));
  });
  return out;
};

const hh: { id: string; unit: { id: string; path: string } }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  const units = [org.units.villageA1, org.units.villageA2];
  for (let i = 0; i < 6; i++) hh.push({ id: uuidv7(), unit: units[i % 2] });
  await t.db.transaction(async (tx) => {
    await bulkInsert(
      tx,
      households,
      hh.map((h, i) => ({
        id: h.id,
        orgUnitId: h.unit.id,
        orgPath: h.unit.path,
        address: `东岭路${i + 1}号`,
      })),
    );
    // Six years of history in short: rated, upgraded, dropped, rated again after the period.
    const change = (i: number, on: string, from: string | null, to: string | null) => ({
      id: uuidv7(),
      householdId: hh[i].id,
      orgUnitId: hh[i].unit.id,
      orgPath: hh[i].unit.path,
      month: on.slice(0, 7),
      effectiveOn: on,
      fromRating: from,
      toRating: to,
      reason: '测试',
    });
    await bulkInsert(tx, courtyardRatingChanges, [
      change(0, '2021-06-28', null, 'clean'),
      change(0, '2022-06-28', 'clean', 'model'),
      change(0, '2023-06-28', 'model', 'premium'),
      change(1, '2022-03-28', null, 'model'),
      change(1, `${lastYear}-05-28`, 'model', null),
      change(2, '2024-03-28', null, 'clean'),
      change(3, `${year}-01-28`, null, 'premium'),
      change(4, '2099-01-28', null, 'model'),
    ]);
  });
});
afterAll(() => t.close());

describe('courtyard figures for the annual summary', () => {
  it('courtyards.everRated: every household rated since the programme began, under the highest level it reached', async () => {
    const byRating = await values(town, 'courtyards.everRated', '&groupBy=rating');
    // Household 1 lost its rating last year but was rated: it still counts; household 4 is rated after the period.
    expect(byRating.total).toBe(4);
    expect(byRating.rows.map((r) => [r.label, r.value])).toEqual([
      ['精品户', 2],
      ['清洁户', 1],
      ['示范户', 1],
    ]);
    const modelOrAbove = await values(town, 'courtyards.everRated', '&groupBy=modelOrAbove');
    expect(modelOrAbove.rows.map((r) => [r.label, r.value])).toEqual([
      ['示范户及以上', 3],
      ['清洁户', 1],
    ]);
    // As of the end of 2022: households 0 and 1 only.
    const then = await values(
      town,
      'courtyards.everRated',
      '&groupBy=rating',
      'from=2022-01-01&to=2022-12-31',
    );
    expect(then.rows.map((r) => [r.group, r.value])).toEqual([['model', 2]]);
    const drill = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/courtyards.everRated/records?${q}&dimension=rating&value=premium`,
      )
    ).json();
    expect(drill.items.map((r: { label: string; date: string }) => [r.label, r.date])).toEqual([
      ['东岭路4号', `${year}-01-28`],
      ['东岭路1号', '2023-06-28'],
    ]);
  });

  it('courtyards.groups and groupMembers: the groups standing at the period end and the village chairs in them', async () => {
    const a1 = await login(t.app, 'villageA1');
    const a2 = await login(t.app, 'villageA2');
    const person = async (s: Session, unitId: string, name: string) =>
      (await call(t.app, s, 'POST', '/api/v1/people/persons', { orgUnitId: unitId, name })).json()
        .id as string;
    const chairA1 = await person(a1, org.units.villageA1.id, '王桂兰');
    const chairA2 = await person(a2, org.units.villageA2.id, '李秀英');
    const execA2 = await person(a2, org.units.villageA2.id, '赵红梅');
    const oldChair = await person(a1, org.units.villageA1.id, '孙淑芬');
    const term = (
      s: Session,
      personId: string,
      orgUnitId: string,
      role: string,
      startedOn: string,
      endedOn?: string,
    ) =>
      call(t.app, s, 'POST', '/api/v1/people/role-terms', { personId, orgUnitId, role, startedOn, endedOn });
    for (const r of [
      await term(a1, chairA1, org.units.villageA1.id, 'chair', '2021-05-01'),
      await term(a2, chairA2, org.units.villageA2.id, 'chair', '2021-05-01'),
      await term(a2, execA2, org.units.villageA2.id, 'executiveMember', '2021-05-01'),
      // Chaired until last year: no longer a chair at the period's end.
      await term(a1, oldChair, org.units.villageA1.id, 'chair', '2016-05-01', `${lastYear}-04-30`),
    ])
      expect(r.statusCode, r.body).toBe(201);
    const g1 = await call(t.app, town, 'POST', `${B}/groups`, {
      orgUnitId: org.units.townA.id,
      name: '第一验收小组',
      memberIds: [chairA1, execA2],
    });
    expect(g1.statusCode, g1.body).toBe(201);
    const g2 = await call(t.app, town, 'POST', `${B}/groups`, {
      orgUnitId: org.units.townA.id,
      name: '第二验收小组',
      memberIds: [chairA2, oldChair, chairA1],
    });
    const g3 = await call(t.app, town, 'POST', `${B}/groups`, {
      orgUnitId: org.units.townA.id,
      name: '已撤销小组',
      memberIds: [chairA2],
    });
    const removed = await call(t.app, town, 'DELETE', `${B}/groups/${g3.json().id}?version=1`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(g2.statusCode).toBe(201);

    const groups = await values(county, 'courtyards.groups');
    expect(groups.total).toBe(2);
    // Before the groups were entered there were none.
    expect(
      (await values(county, 'courtyards.groups', '', `from=${lastYear}-01-01&to=${lastYear}-12-31`)).total,
    ).toBe(0);
    const members = await values(town, 'courtyards.groupMembers', '&groupBy=role');
    expect(members.total).toBe(4);
    expect(members.rows.map((r) => [r.group, r.label, r.value])).toEqual([
      ['villageChair', '村（社区）妇联主席', 2],
      ['executiveMember', '执委', 1],
      ['none', '无职务', 1],
    ]);
    const chairs = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/courtyards.groupMembers/records?${q}&dimension=role&value=villageChair&pageSize=50`,
      )
    ).json();
    expect(chairs.items.map((r: { label: string }) => r.label).sort()).toEqual([
      '李秀英（第二验收小组）',
      '王桂兰（第一验收小组）',
      '王桂兰（第二验收小组）',
    ]);
  });

  it('a county-added featured category is labelled in the indicator API, its records, the catalogue and the exports', async () => {
    const save = await call(t.app, county, 'PUT', `${B}/featured-categories`, {
      categories: [
        { code: 'books', label: { zh: '书香庭院', en: 'Books' } },
        { code: 'ourCategory24', label: { zh: '红色庭院', en: 'Red heritage' } },
      ],
    });
    expect(save.statusCode, save.body).toBe(200);
    for (const [i, category] of [
      [0, 'ourCategory24'],
      [2, 'ourCategory24'],
      [3, 'books'],
    ] as const) {
      const r = await call(t.app, town, 'POST', `${B}/featured`, {
        householdId: hh[i].id,
        category,
        designatedOn: shanghaiToday(),
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const featured = await values(town, 'courtyards.featured', '&groupBy=category');
    expect(featured.total).toBe(3);
    expect(featured.rows.map((r) => [r.label, r.value])).toEqual([
      ['红色庭院', 2],
      ['书香庭院', 1],
    ]);
    const byVillage = await values(town, 'courtyards.featured', '&groupBy=orgUnit,category');
    expect(byVillage.rows.map((r) => (r as unknown as { label2: string }).label2).sort()).toContain(
      '红色庭院',
    );
    const records = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/courtyards.featured/records?${q}&dimension=category&value=ourCategory24`,
      )
    ).json();
    expect(records.items.map((r: { type: { label: string } }) => r.type.label)).toEqual([
      '红色庭院',
      '红色庭院',
    ]);
    const catalogue = (await call(t.app, town, 'GET', '/api/v1/indicators')).json();
    const category = catalogue.items
      .find((d: { key: string }) => d.key === 'courtyards.featured')
      .dimensions.find((d: { key: string }) => d.key === 'category');
    expect(category.values.ourCategory24).toEqual({ zh: '红色庭院', en: 'Red heritage' });
    const exported = await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/courtyards.featured/export?${q}&groupBy=category`,
    );
    expect(exported.statusCode).toBe(200);
    const table = (await sheetRows(exported.rawPayload)).join('\n');
    expect(table).toContain('红色庭院');
    expect(table).not.toContain('ourCategory24');
    const recordsExport = await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/courtyards.featured/records/export?${q}&dimension=category&value=ourCategory24`,
    );
    const list = (await sheetRows(recordsExport.rawPayload)).join('\n');
    expect(list).toContain('红色庭院');
    expect(list).not.toContain('ourCategory24');
  });

  it('the activities indicators label a county-added type in values, records, catalogue and export', async () => {
    const types = await call(t.app, county, 'PUT', '/api/v1/activities/types', {
      types: [{ code: 'outreach', label: { zh: '宣讲' } }, { label: { zh: '家庭教育' } }],
    });
    expect(types.statusCode, types.body).toBe(200);
    const code = types.json().types[1].code as string;
    const village = await login(t.app, 'villageA1');
    const a = await call(t.app, village, 'POST', '/api/v1/activities/activities', {
      orgUnitId: org.units.villageA1.id,
      title: '家庭教育公益讲座',
      type: code,
      occurredOn: shanghaiToday(),
      attendance: 50,
    });
    expect(a.statusCode, a.body).toBe(201);
    const byType = await values(town, 'activities.sessions', '&groupBy=type');
    expect(byType.rows.map((r) => [r.label, r.value])).toEqual([['家庭教育', 1]]);
    const catalogue = (await call(t.app, town, 'GET', '/api/v1/indicators')).json();
    const type = catalogue.items
      .find((d: { key: string }) => d.key === 'activities.sessions')
      .dimensions.find((d: { key: string }) => d.key === 'type');
    expect(type.values[code]).toEqual({ zh: '家庭教育', en: '家庭教育' });
    const exported = await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/activities.sessions/export?${q}&groupBy=orgUnit,type`,
    );
    const table = (await sheetRows(exported.rawPayload)).join('\n');
    expect(table).toContain('家庭教育');
    expect(table).not.toContain(code);
  });
});
