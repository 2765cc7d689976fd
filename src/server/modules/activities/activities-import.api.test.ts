import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';
import { shanghaiToday } from './activities.service';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let village: Session;
const year = String(Number(shanghaiToday().slice(0, 4)) - 1);

/** A village's year of activities as cadres keep it: a merged title row, then the ledger. */
const yearSheet = async (extra: (string | number | Date)[][] = []) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('活动台账');
  ws.addRow([`甲一村妇联${year}年活动台账`]);
  ws.mergeCells('A1:H1');
  ws.addRow(['日期', '活动主题', '类型', '地点', '阵地', '专项行动', '参加人次', '服务对象']);
  for (let m = 1; m <= 12; m++) {
    ws.addRow([
      `${year}年${m}月15日`,
      `${m}月主题宣讲`,
      '宣讲',
      '村委会',
      '甲一村妇女之家',
      '',
      '35人次',
      '妇女、家庭',
    ]);
  }
  ws.addRow([
    new Date(Date.UTC(Number(year), 2, 8)),
    '三八节巾帼健步走',
    '文体活动',
    '村广场',
    '',
    '巾帼心向党',
    120,
    '妇女',
  ]);
  for (const r of extra) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const importSheet = async (file: Buffer) => {
  const res = await uploadFile(
    t.app,
    village,
    `/api/v1/activities/activities/import?wait=1&orgUnitId=${org.units.villageA1.id}`,
    file,
    '活动台账.xlsx',
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const activityCount = async () =>
  Number((await t.db.$client.query('select count(*) from activities')).rows[0].count);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  village = await login(t.app, 'villageA1');
  const county = await login(t.app, 'county');
  await call(t.app, county, 'POST', '/api/v1/activities/campaigns', {
    orgUnitId: org.units.county.id,
    name: '巾帼心向党',
  });
  await call(t.app, village, 'POST', '/api/v1/org/sites', {
    orgUnitId: org.units.villageA1.id,
    kind: 'womenHome',
    name: '甲一村妇女之家',
  });
});
afterAll(() => t.close());

describe("a village's year of activities from Excel", () => {
  it('refuses the sheet when a type, a site or a date is wrong, writing nothing', async () => {
    const job = await importSheet(
      await yearSheet([
        [`${year}-05-04`, '青年节座谈', '座谈会', '', '', '', 10, ''],
        [`${year}-06-01`, '六一亲子阅读', '亲子阅读', '', '不存在的阵地', '', 30, '儿童'],
        ['2999-01-01', '明年的活动', '宣讲', '', '', '', 10, ''],
      ]),
    );
    expect(job.status).toBe('failed');
    expect(job.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [18, '活动日期'],
    ]);
    const fixedDate = await importSheet(
      await yearSheet([
        [`${year}-05-04`, '青年节座谈', '座谈会', '', '', '', 10, ''],
        [`${year}-06-01`, '六一亲子阅读', '亲子阅读', '', '不存在的阵地', '', 30, '儿童'],
      ]),
    );
    expect(fixedDate.status).toBe('failed');
    expect(fixedDate.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [16, '活动类型'],
    ]);
    expect(await activityCount()).toBe(0);
  });

  it('imports the year (types by label, site and campaign by name, 人次 with a unit), and again changes nothing', async () => {
    const first = await importSheet(await yearSheet());
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 13, updated: 0, unchanged: 0 });
    const again = await importSheet(await yearSheet());
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 13 });
    const values = (
      await call(
        t.app,
        village,
        'GET',
        `/api/v1/indicators/activities.sessions/values?from=${year}-01-01&to=${year}-12-31&groupBy=type`,
      )
    ).json();
    expect(values.rows.map((r: { group: string; value: number }) => [r.group, r.value])).toEqual([
      ['outreach', 12],
      ['culturalEvent', 1],
    ]);
    const attendances = (
      await call(
        t.app,
        village,
        'GET',
        `/api/v1/indicators/activities.attendances/values?from=${year}-01-01&to=${year}-12-31`,
      )
    ).json();
    expect(attendances.total).toBe(12 * 35 + 120);
  });

  it('exports the ledger with Chinese type labels', async () => {
    const res = await call(t.app, village, 'GET', '/api/v1/activities/activities/export?type=culturalEvent');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.worksheets[0].eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1, 9).join('|'));
    });
    expect(rows).toEqual([
      '活动日期|结束日期|活动名称|活动类型|组织单位|活动地点|阵地|专项行动',
      `${year}-03-08||三八节巾帼健步走|文体活动|甲一村妇联|村广场||巾帼心向党`,
    ]);
  });
});
