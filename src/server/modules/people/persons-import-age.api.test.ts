import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../../test/import-files';
import { createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

// “35周岁” is counted from a reference date: the one she sets, else the sheet's own 统计日期, else today;
// the import (and its rehearsal) says which.

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const shanghaiYear = () =>
  Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

const importPersons = (header: string[], rows: string[][], query = '', title?: string) =>
  importRows(
    t.app,
    town,
    `/api/v1/people/persons/import?wait=1&orgUnitId=${org.units.villageA1.id}${query}`,
    [...(title ? [[title]] : []), header, ...rows],
    '人员信息',
  );

const birthYearOf = async (name: string) =>
  (await t.db.$client.query('select approx_birth_year from persons where name = $1', [name])).rows[0]
    ?.approx_birth_year;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
});
afterAll(() => t.close());

describe('ages counted from a reference date', () => {
  it('a sheet with its own 统计日期 counts 35周岁 from it, and says so', async () => {
    const header = ['姓名', '年龄', '统计日期'];
    const preview = await importPersons(header, [['葛秀云', '35周岁', '2024-12-31']], '&preview=1');
    expect(preview.referenceDate).toEqual({ date: '2024-12-31', source: 'column' });
    const job = await importPersons(header, [['葛秀云', '35周岁', '2024-12-31']]);
    expect(job.status, JSON.stringify(job.issues)).toBe('succeeded');
    expect(job.referenceDate).toEqual({ date: '2024-12-31', source: 'column' });
    expect(await birthYearOf('葛秀云')).toBe(1989);
  });

  it('a sheet without a date column but a dated title counts from the title’s date', async () => {
    const job = await importPersons(
      ['姓名', '年龄'],
      [['邵秋菊', '35周岁']],
      '',
      '甲一村妇女基本情况统计表（截至2022年12月31日）',
    );
    expect(job.status, JSON.stringify(job.issues)).toBe('succeeded');
    expect(job.referenceDate).toEqual({ date: '2022-12-31', source: 'title' });
    expect(await birthYearOf('邵秋菊')).toBe(1987);
  });

  it('the date she sets wins, and an age that fits the birth date on that date is not refused', async () => {
    const job = await importPersons(
      ['姓名', '出生日期', '年龄'],
      [
        ['范丽君', '', '35周岁'],
        ['奚春兰', '1980-03-01', '40'],
      ],
      '&referenceDate=2020-06-30',
    );
    expect(job.issues).toEqual([]);
    expect(job.referenceDate).toEqual({ date: '2020-06-30', source: 'option' });
    expect(await birthYearOf('范丽君')).toBe(1985);
  });

  it('without either, ages count from today; a bad date is refused by the route', async () => {
    const job = await importPersons(['姓名', '年龄'], [['苗玉珍', '35岁']]);
    expect(job.referenceDate?.source).toBe('today');
    expect(await birthYearOf('苗玉珍')).toBe(shanghaiYear() - 35);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('人员信息').addRow(['姓名']);
    const res = await uploadFile(
      t.app,
      town,
      '/api/v1/people/persons/import?wait=1&referenceDate=2024-13-01',
      Buffer.from(await wb.xlsx.writeBuffer()),
      '人员.xlsx',
    );
    expect(res.statusCode).toBe(400);
  });

  it('an age that does not fit the birth date on the reference date names that date', async () => {
    const job = await importPersons(
      ['姓名', '出生日期', '年龄', '统计日期'],
      [['鲍小梅', '1980-03-01', '30', '2024-12-31']],
    );
    expect(job.issues).toEqual([
      expect.objectContaining({
        column: '年龄',
        message: '与出生日期不符（按出生日期，2024-12-31应为44周岁）',
      }),
    ]);
  });
});
