import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';
import { shanghaiToday } from './activities.service';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
const year = String(Number(shanghaiToday().slice(0, 4)) - 1);
const header = [
  '巡查日期',
  '所属村（社区）',
  '林长',
  '巡查区域/路线',
  '时长（分钟）',
  '发现隐患数',
  '隐患情况',
  '处置情况',
];
type Cell = string | number | Date | null;

/** The fire season as the town keeps it: a merged title row, then one patrol a row. */
const seasonRows = (): Cell[][] => [
  [`${year}-01-05`, '甲一村', '王秀英、李春花', '后山至水库林区', 120, 0, null, null],
  [`${year}年1月12日`, '甲一村妇联', '王秀英', '东坡防火通道', '90分钟', '无', null, null],
  [
    new Date(Date.UTC(Number(year), 0, 19)),
    '甲一村',
    '李春花，王秀英',
    '祖坟山',
    '2小时',
    '2处',
    '祭祀烧纸',
    '劝导清理',
  ],
  [`${year}-01-06`, '甲二村', '王秀英', '村北林地', 60, 0, null, null],
  [`${year}-01-13`, '甲二村', '张桂兰、王秀英', '村北林地', null, 1, '林下堆放柴草', '已督促清理'],
];

const workbook = async (rows: Cell[][], head = header) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('护林防火巡查');
  ws.addRow([`甲镇${year}年巾帼林长护林防火巡查台账`]);
  ws.mergeCells('A1:H1');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const importFile = async (file: Buffer) => {
  const res = await uploadFile(
    t.app,
    town,
    '/api/v1/activities/patrols/import?wait=1',
    file,
    '巡查台账.xlsx',
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const patrolRows = async () =>
  (
    await t.db.$client.query(
      'select id, version, area, occurred_on::text as on, duration_minutes as minutes, hazards_found as hazards from patrols order by occurred_on, area',
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  const add = async (unit: string, name: string) => {
    const res = await call(t.app, town, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units[unit].id,
      name,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await add('villageA1', '王秀英');
  await add('villageA1', '李春花');
  await add('villageA2', '王秀英');
  await add('villageA2', '张桂兰');
  await add('villageA1', '陈丽');
  await add('villageA1', '陈丽');
});
afterAll(() => t.close());

describe('patrols from Excel', () => {
  it('refuses the sheet when a chief, a village, a date or a hazard note is wrong, writing nothing', async () => {
    const parsed = await importFile(
      await workbook([
        ...seasonRows(),
        ['2999-01-01', '甲一村', '王秀英', '明年的巡查', null, 0, null, null],
        [`${year}-02-01`, '甲一村', '王秀英', '没写隐患', null, 1, null, null],
        [`${year}-02-02`, '甲一村', '王秀英', '同一行', null, 0, null, null],
        [`${year}-02-02`, '甲一村', '王秀英', '同一行', null, 0, null, null],
      ]),
    );
    expect(parsed.status).toBe('failed');
    expect(parsed.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [8, '巡查日期'],
      [9, '隐患情况'],
      [11, ''],
    ]);
    const people = await importFile(
      await workbook([
        ...seasonRows(),
        [`${year}-02-03`, '甲一村', '王秀英、张桂兰', '跨村的林长', null, 0, null, null],
        [`${year}-02-04`, '甲一村', '陈丽', '同名的林长', null, 0, null, null],
        [`${year}-02-05`, '乙一村', '王秀英', '别镇的村', null, 0, null, null],
      ]),
    );
    expect(people.status).toBe('failed');
    expect(
      people.issues.map((i: { row: number; column: string; value: string }) => [i.row, i.column, i.value]),
    ).toEqual([
      [8, '林长', '张桂兰'],
      [9, '林长', '陈丽'],
      [10, '所属村（社区）', '乙一村'],
    ]);
    expect(people.issues[0].message).toContain('找不到该人员');
    expect(people.issues[1].message).toContain('2个同名人员');
    expect(await patrolRows()).toEqual([]);
  });

  it('imports the season (chiefs matched within each village), and the same file again changes nothing', async () => {
    const first = await importFile(await workbook(seasonRows()));
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const saved = await patrolRows();
    expect(
      saved.map((r: { on: string; area: string; minutes: number | null; hazards: number }) => [
        r.on,
        r.area,
        r.minutes,
        r.hazards,
      ]),
    ).toEqual([
      [`${year}-01-05`, '后山至水库林区', 120, 0],
      [`${year}-01-06`, '村北林地', 60, 0],
      [`${year}-01-12`, '东坡防火通道', 90, 0],
      [`${year}-01-13`, '村北林地', null, 1],
      [`${year}-01-19`, '祖坟山', 120, 2],
    ]);
    const a2 = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/activities/patrols?orgUnitId=${org.units.villageA2.id}&sort=occurredOn`,
      )
    ).json();
    expect(a2.items.map((p: { chiefNames: string[] }) => p.chiefNames)).toEqual([
      ['王秀英'],
      ['张桂兰', '王秀英'],
    ]);
    const { rows } = await t.db.$client.query(
      `select count(*)::int as n from audit_log where entity_type = 'patrol' and action = 'create'`,
    );
    expect(rows[0].n).toBe(5);

    // Chiefs in another order are the same patrol.
    const again = seasonRows();
    again[0][2] = '李春花、王秀英';
    const second = await importFile(await workbook(again));
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(await patrolRows()).toEqual(saved);

    const edited = seasonRows();
    edited[4][7] = '已清理完毕';
    const third = await importFile(await workbook(edited));
    expect(third.counts).toEqual({ created: 0, updated: 1, unchanged: 4 });
  });

  it('exports the ledger with the import columns, and the export imports back unchanged', async () => {
    const res = await call(t.app, town, 'GET', `/api/v1/activities/patrols/export?hasHazards=1`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.worksheets[0].eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1, 9).join('|'));
    });
    expect(rows).toEqual([
      header.join('|'),
      `${year}-01-13|甲二村妇联|张桂兰、王秀英|村北林地||1|林下堆放柴草|已清理完毕`,
      `${year}-01-19|甲一村妇联|李春花、王秀英|祖坟山|120|2|祭祀烧纸|劝导清理`,
    ]);
    const full = await call(t.app, town, 'GET', '/api/v1/activities/patrols/export');
    const back = await importFile(full.rawPayload);
    expect(back.counts).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });
});
