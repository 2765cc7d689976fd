import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRubricRules } from '../../../contracts/courtyards';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
type Cell = string | number | Date | null;
const header = [
  '检查日期',
  '村（社区）',
  '户主姓名',
  '门牌号',
  '检查类型',
  '总分',
  '评定等级',
  '检查人员',
  '扣分情况/备注',
];

const workbook = async (rows: Cell[][], head = header) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('入户检查');
  ws.addRow(['甲镇2026年美丽庭院入户检查汇总表']);
  ws.mergeCells('A1:I1');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const importTo = async (url: string, file: Buffer) => {
  const res = await uploadFile(t.app, town, `${url}?wait=1`, file, '台账.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const inspections = async () =>
  (
    await t.db.$client.query(
      `select h.house_number as house, i.kind, i.inspected_on::text as on, i.total_score as score, i.rating
       from courtyard_inspections i join households h on h.id = i.household_id order by h.house_number, i.inspected_on, i.kind`,
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  const county = await login(t.app, 'county');
  await call(t.app, county, 'POST', '/api/v1/courtyards/rubrics', {
    orgUnitId: org.units.county.id,
    year: 2026,
    name: '示例细则',
    isExample: true,
    rules: defaultRubricRules,
  });
  const add = async (unit: 'villageA1' | 'villageA2', house: string, head?: string) => {
    const h = await call(t.app, town, 'POST', '/api/v1/people/households', {
      orgUnitId: org.units[unit].id,
      address: unit === 'villageA1' ? '甲一村前街' : '甲二村后街',
      houseNumber: house,
    });
    expect(h.statusCode, h.body).toBe(201);
    if (head) {
      const p = await call(t.app, town, 'POST', '/api/v1/people/persons', {
        orgUnitId: org.units[unit].id,
        name: head,
        householdId: h.json().id,
      });
      await call(t.app, town, 'PATCH', `/api/v1/people/households/${h.json().id}`, {
        headPersonId: p.json().id,
        version: 1,
      });
    }
  };
  await add('villageA1', '1号', '王秀英');
  await add('villageA1', '2号', '李春花');
  await add('villageA1', '3号', '王秀英');
  await add('villageA2', '1号', '张桂兰');
});
afterAll(() => t.close());

describe('import a town’s year sheet of inspections', () => {
  it('gives a template with the sheet’s columns', async () => {
    const res = await call(t.app, town, 'GET', '/api/v1/courtyards/inspections/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].getRow(1).eachCell((c) => {
      cells.push(String(c.value));
    });
    expect(cells.join('|')).toContain('户主姓名');
    expect(cells.join('|')).toContain('总分');
  });

  it('reports every messy cell on its own row and writes nothing', async () => {
    const cells = await workbook([
      ['2026-03-28', '甲一村', '李春花', '2号', '随便看看', '九十', null, null, null], // bad kind, bad score
      ['2099-01-01', '甲一村', null, null, '月底入户', 90, null, null, null], // future, no household
      ['2026-03-28', '甲一村', '李春花', '2号', '月底入户', 90, '优秀户', null, null], // bad rating
    ]);
    const first = await importTo('/api/v1/courtyards/inspections/import', cells);
    expect(first.status).toBe('failed');
    const messages = (job: { issues: { row: number; message: string }[] }, row: number) =>
      job.issues
        .filter((i) => i.row === row)
        .map((i) => i.message)
        .join(' / ');
    expect(messages(first, 3)).toContain('不是检查类型');
    expect(messages(first, 3)).toContain('不是有效的分数');
    expect(messages(first, 4)).toContain('晚于今天');
    expect(messages(first, 5)).toContain('不是评定等级');
    expect(messages(first, 4)).toContain('户主姓名或门牌号');
    const records = await workbook([
      ['2026-03-28', '甲一村', '王秀英', null, '月底入户', 95, null, null, null], // two 王秀英 in 甲一村
      ['2026-03-28', '甲一村', '赵无名', '9号', '月底入户', 90, null, null, null], // no such household
      ['2026/3/28', '丙村', '张桂兰', '1号', '月底入户', 90, null, null, null], // unknown village
      ['2026-03-28', '甲一村', '李春花', '2号', '月底入户', 130, null, null, null], // above full marks
    ]);
    const second = await importTo('/api/v1/courtyards/inspections/import', records);
    expect(second.status).toBe('failed');
    expect(messages(second, 3)).toContain('2户符合');
    expect(messages(second, 4)).toContain('找不到该农户');
    expect(messages(second, 5)).toContain('找不到该村');
    expect(messages(second, 6)).toContain('满分100分');
    expect(await inspections()).toEqual([]);
  });

  it('imports a clean sheet with the forms towns really use, then updates instead of doubling', async () => {
    const file = await workbook([
      [
        new Date(Date.UTC(2026, 2, 28)),
        '甲一村妇联',
        '王秀英',
        '1号',
        '月底入户',
        95,
        '精品户',
        '第一组',
        null,
      ],
      ['2026年3月27日', '甲一村', '李春花', '２号', null, '78分', null, null, '厨房墙壁油污扣3分'],
      ['2026.3.10', '甲一村', null, '3', '抽查', 59.5, null, null, null],
      ['2026-03-29', '甲二村', '张桂兰', null, '复核', '88', '示范', null, null],
      ['2026-04-28', '甲一村', '王秀英', '1号', '月检', 91, null, null, null],
    ]);
    const job = await importTo('/api/v1/courtyards/inspections/import', file);
    expect(job.status, JSON.stringify(job.issues)).toBe('succeeded');
    expect(job.counts).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(await inspections()).toEqual([
      { house: '1号', kind: 'monthly', on: '2026-03-28', score: 95, rating: 'premium' },
      { house: '1号', kind: 'review', on: '2026-03-29', score: 88, rating: 'model' },
      { house: '1号', kind: 'monthly', on: '2026-04-28', score: 91, rating: 'premium' },
      { house: '2号', kind: 'monthly', on: '2026-03-27', score: 78, rating: 'clean' },
      { house: '3号', kind: 'spotCheck', on: '2026-03-10', score: 59.5, rating: null },
    ]);
    const again = await importTo(
      '/api/v1/courtyards/inspections/import',
      await workbook([
        ['2026-03-28', '甲一村', '王秀英', '1号', '月底入户', 95, '精品户', '第一组', null],
        ['2026-03-30', '甲一村', '李春花', '2号', '月底入户', 82, null, null, null],
      ]),
    );
    expect(again.counts).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const exported = await call(t.app, town, 'GET', '/api/v1/courtyards/inspections/export?month=2026-03');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBeGreaterThanOrEqual(5);
  });

  it('imports the household ratings ledger into rating history and plaque events', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('评定');
    ws.addRow(['村（社区）', '户主姓名', '门牌号', '评定等级', '评定日期', '挂牌', '挂牌日期', '原因']);
    ws.addRow([
      '甲一村',
      '李春花',
      '2号',
      '示范户',
      '2025-12-31',
      '示范户',
      '2026-01-05',
      '2025年度评比会确认',
    ]);
    ws.addRow(['甲二村', '张桂兰', '1', '清洁', '2025-12-31', null, null, null]);
    const job = await importTo(
      '/api/v1/courtyards/households/import',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(job.status, JSON.stringify(job.issues)).toBe('succeeded');
    expect(job.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const list = await call(
      t.app,
      town,
      'GET',
      `/api/v1/courtyards/households?orgUnitId=${org.units.villageA1.id}&rating=model`,
    );
    expect(list.json().items).toEqual([
      expect.objectContaining({
        headName: '李春花',
        rating: 'model',
        ratedOn: '2025-12-31',
        plaqueLevel: 'model',
        plaqueSince: '2026-01-05',
      }),
    ]);
    const events = await call(t.app, town, 'GET', '/api/v1/courtyards/plaque-events');
    expect(events.json().items).toEqual([
      expect.objectContaining({ kind: 'award', toLevel: 'model', reason: '2025年度评比会确认' }),
    ]);
    const exported = await call(t.app, town, 'GET', '/api/v1/courtyards/households/export');
    expect(exported.statusCode).toBe(200);

    // A later sheet: one household rises to 精品户 keeping its plaque, the other is unchanged.
    const later = new ExcelJS.Workbook();
    const ws2 = later.addWorksheet('评定');
    ws2.addRow(['村（社区）', '户主姓名', '门牌号', '评定等级', '评定日期', '挂牌', '挂牌日期', '原因']);
    ws2.addRow(['甲一村', '李春花', '2号', '精品户', '2026-06-30', null, null, '半年评比']);
    ws2.addRow(['甲二村', '张桂兰', '1', '清洁', '2026-06-30', null, null, null]);
    const job2 = await importTo(
      '/api/v1/courtyards/households/import',
      Buffer.from(await later.xlsx.writeBuffer()),
    );
    expect(job2.status, JSON.stringify(job2.issues)).toBe('succeeded');
    expect(job2.counts).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const risen = await call(
      t.app,
      town,
      'GET',
      `/api/v1/courtyards/households?orgUnitId=${org.units.villageA1.id}&rating=premium`,
    );
    expect(risen.json().items).toEqual([
      expect.objectContaining({
        headName: '李春花',
        rating: 'premium',
        ratedOn: '2026-06-30',
        plaqueLevel: 'model',
        plaqueSince: '2026-01-05',
      }),
    ]);
    // The rating history the statistics read: each household's rating on a date.
    const ratedOn = async (to: string) =>
      (
        await call(
          t.app,
          town,
          'GET',
          `/api/v1/indicators/courtyards.households/values?from=2025-01-01&to=${to}&groupBy=rating`,
        )
      )
        .json()
        .rows.map((r: { group: string; value: number }) => [r.group, r.value])
        .sort();
    expect(await ratedOn('2026-03-31')).toEqual([
      ['clean', 1],
      ['model', 1],
    ]);
    expect(await ratedOn('2026-06-30')).toEqual([
      ['clean', 1],
      ['premium', 1],
    ]);
  });
});
