import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRubricRules } from '../../../contracts/courtyards';
import { importRows } from '../../test/import-files';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

// Inspections imported with a 检查人员 that names one of the town's inspection groups are linked to it.

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let groupId: string;
const year = 2026;

const importSheet = (rows: (string | number)[][]) =>
  importRows(
    t.app,
    town,
    '/api/v1/courtyards/inspections/import?wait=1',
    [['检查日期', '村（社区）', '户主姓名', '总分', '检查人员'], ...rows],
    '入户检查',
  );

const saved = async () =>
  (
    await t.db.$client.query(
      `select i.inspected_on::text as on, i.group_id, i.inspector_names from courtyard_inspections i order by i.inspected_on`,
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  const county = await login(t.app, 'county');
  await call(t.app, county, 'POST', '/api/v1/courtyards/rubrics', {
    orgUnitId: org.units.county.id,
    year,
    name: '示例细则',
    isExample: true,
    rules: defaultRubricRules,
  });
  const h = await call(t.app, town, 'POST', '/api/v1/people/households', {
    orgUnitId: org.units.villageA1.id,
    address: '前街',
    houseNumber: '1号',
  });
  const head = await call(t.app, town, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '钟桂芳',
    householdId: h.json().id,
  });
  await call(t.app, town, 'PATCH', `/api/v1/people/households/${h.json().id}`, {
    headPersonId: head.json().id,
    version: 1,
  });
  const member = await call(t.app, town, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '史红霞',
  });
  const group = await call(t.app, town, 'POST', '/api/v1/courtyards/groups', {
    orgUnitId: org.units.townA.id,
    name: '第一组',
    memberIds: [member.json().id],
  });
  expect(group.statusCode, group.body).toBe(201);
  groupId = group.json().id;
});
afterAll(() => t.close());

describe('inspection groups named in the inspections sheet', () => {
  it('links a row naming a group to it, keeps other names as text, and a second upload changes nothing', async () => {
    const rows = [
      [`${year}-03-28`, '甲一村', '钟桂芳', 92, '第一组'],
      [`${year}-04-28`, '甲一村', '钟桂芳', 88, '史红霞、林小燕'],
    ];
    const job = await importSheet(rows);
    expect(job.issues).toEqual([]);
    expect(job.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await saved()).toEqual([
      { on: `${year}-03-28`, group_id: groupId, inspector_names: null },
      { on: `${year}-04-28`, group_id: null, inspector_names: '史红霞、林小燕' },
    ]);
    const byGroup = await call(t.app, town, 'GET', `/api/v1/courtyards/inspections?groupId=${groupId}`);
    expect(byGroup.json().items).toEqual([expect.objectContaining({ groupName: '第一组', totalScore: 92 })]);
    expect((await importSheet(rows)).counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('an inspection saved with the name as text is linked when uploaded again (updated, not doubled)', async () => {
    await t.db.$client.query(
      `update courtyard_inspections set group_id = null, inspector_names = '第一组' where inspected_on = '${year}-03-28'`,
    );
    const job = await importSheet([[`${year}-03-28`, '甲一村', '钟桂芳', 92, '第一组']]);
    expect(job.counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await saved())[0]).toEqual({ on: `${year}-03-28`, group_id: groupId, inspector_names: null });
  });
});
