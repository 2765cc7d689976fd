import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';
import { reportDefinitions } from './reports.table';

/**
 * A report's name becomes its worksheet's name. Names Excel forbids for a sheet made the export a
 * 500 (exceljs throws), and a control character made a workbook Excel would not open.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
});
afterAll(() => t.close());

const define = async (name: string) => {
  const res = await call(t.app, county, 'POST', '/api/v1/reports/definitions', {
    orgUnitId: org.units.county.id,
    name,
    periodType: 'year',
    orgLevel: 'orgUnit',
    columns: [{ indicatorKey: 'activities.sessions' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

const exported = async (id: string) => {
  const res = await call(t.app, county, 'GET', `/api/v1/reports/definitions/${id}/export?year=2026`);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0];
};

describe('report names Excel forbids as sheet names still export', () => {
  it.each([
    ["'", '统计表'],
    ["'abc'", 'abc'],
    ['History', 'History (2)'],
    [
      '2026年[第一季度]: 活动/巡查*统计? 县妇联汇总表（按镇街，供年终考核）',
      '2026年 第一季度 活动 巡查 统计 县妇联汇总表（按镇街，',
    ],
  ])('%j → sheet %j', async (name, sheet) => {
    const ws = await exported(await define(name));
    expect(ws.name).toBe(sheet);
  });

  it('a control character in a stored name (stored before the input edge) is dropped from sheet and cells', async () => {
    const id = await define('月报');
    await t.db
      .update(reportDefinitions)
      .set({ name: '月\u0001报\u001f' })
      .where(eq(reportDefinitions.id, id));
    const ws = await exported(id);
    expect(ws.name).toBe('月报');
    const texts: string[] = [];
    ws.eachRow((row) => {
      row.eachCell((c) => {
        texts.push(String(c.value));
      });
    });
    const all = texts.join('|');
    expect(all).toContain('月报');
    expect(all).not.toContain('\u0001');
    expect(all).not.toContain('\u001f');
  });
});
