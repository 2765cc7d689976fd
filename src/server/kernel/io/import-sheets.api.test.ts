import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbook, workbookOf } from '../../test/import-files';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

// Every sheet of an uploaded workbook is read or refused by name, for every ledger (the kernel's import
// path): a village that keeps one sheet per 组 loses no one, and a person written on two sheets is caught.

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const importTo = (url: string, file: Buffer) =>
  importWorkbook(t.app, town, `${url}/import?wait=1&orgUnitId=${org.units.villageA1.id}`, file);

const personsUrl = '/api/v1/people/persons';
const PERSON_HEADER = ['姓名', '性别', '出生日期', '家庭住址', '门牌号'];

const names = async () =>
  (await t.db.$client.query<{ name: string }>('select name from persons order by name')).rows.map(
    (r) => r.name,
  );

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
});
afterAll(() => t.close());

describe('a workbook with several sheets', () => {
  it('imports the people of every sheet (one sheet per 组), not only the first', async () => {
    const file = await workbookOf([
      { name: '一组', rows: [PERSON_HEADER, ['韩素芬', '女', '1980-02-01', '东街', '1号']] },
      // The second sheet's columns in another order: each sheet's header is read on its own.
      {
        name: '二组',
        rows: [
          ['出生日期', '姓名', '性别'],
          ['1982-03-04', '鲁玉兰', '女'],
          ['1990-05-06', '邬桂香', '女'],
        ],
      },
    ]);
    const job = await importTo(personsUrl, file);
    expect(job.issues).toEqual([]);
    expect(job.status).toBe('succeeded');
    expect(job.counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await names()).toEqual(expect.arrayContaining(['韩素芬', '鲁玉兰', '邬桂香']));
  });

  it('catches a person written on two sheets, naming the sheet and row of both', async () => {
    const file = await workbookOf([
      { name: '一组', rows: [PERSON_HEADER, ['柏小红', '女', '1975-01-01', '西街', '2号']] },
      {
        name: '二组',
        rows: [
          PERSON_HEADER,
          ['蔡文静', '女', '1979-01-01', '西街', '3号'],
          ['柏小红', '女', '1975-01-01', '西街', '2号'],
        ],
      },
    ]);
    const job = await importTo(personsUrl, file);
    expect(job.status).toBe('failed');
    expect(job.issues).toEqual([
      { sheet: '二组', row: 3, column: '', value: '', message: '与工作表“一组”第2行重复' },
    ]);
    expect(await names()).not.toContain('蔡文静');
    // The error report says which sheet each row came from.
    const report = await call(t.app, town, 'GET', `/api/v1/io/jobs/${job.id}/report`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('工作表');
    const rows = [2, 3, 4].map((n) => [
      ws.getRow(n).getCell(1).value,
      ws.getRow(n).getCell(2).value,
      ws.getRow(n).getCell(3).value,
    ]);
    expect(rows).toEqual([
      ['一组', 2, ''],
      ['二组', 2, ''],
      ['二组', 3, '与工作表“一组”第2行重复'],
    ]);
  });

  it('refuses, by name, a sheet that is not the ledger (no header or a required column missing)', async () => {
    const before = await names();
    const noHeader = await importTo(
      personsUrl,
      await workbookOf([
        { name: '一组', rows: [PERSON_HEADER, ['贺美玲', '女', '1970-01-01', '南街', '5号']] },
        { name: '汇总', rows: [['合计', 1]] },
      ]),
    );
    expect(noHeader.status).toBe('failed');
    expect(noHeader.message).toMatch(/^工作表“汇总”没有找到表头/);
    const missing = await importTo(
      personsUrl,
      await workbookOf([
        { name: '一组', rows: [PERSON_HEADER, ['贺美玲', '女', '1970-01-01', '南街', '5号']] },
        {
          name: '三组',
          rows: [
            ['性别', '出生日期'],
            ['女', '1971-01-01'],
          ],
        },
      ]),
    );
    expect(missing.message).toBe('工作表“三组”缺少必填列：姓名');
    expect(await names()).toEqual(before);
  });

  it('ignores the template’s 填写说明 sheet and a hidden drop-down list, and a row-level problem names its sheet', async () => {
    const template = await call(t.app, town, 'GET', `${personsUrl}/template`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
    wb.worksheets[0].getRow(3).values = ['戴晓燕', '女', '1988-08-08'];
    wb.addWorksheet('下拉选项', { state: 'hidden' }).addRow(['留守妇女', '低保']);
    const good = await importTo(personsUrl, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(good.issues).toEqual([]);
    expect(good.counts).toEqual({ created: 1, updated: 0, unchanged: 0 });

    const bad = await importTo(
      personsUrl,
      await workbookOf([
        { name: '一组', rows: [PERSON_HEADER, ['伍丽', '女', '1970-01-01']] },
        { name: '二组', rows: [PERSON_HEADER, ['孟琴', '女', '去年']] },
      ]),
    );
    expect(bad.issues).toEqual([expect.objectContaining({ sheet: '二组', row: 2, column: '出生日期' })]);
  });

  it('holds for every ledger: a volunteer roster split over two sheets is read whole', async () => {
    await call(t.app, town, 'POST', personsUrl, { orgUnitId: org.units.villageA1.id, name: '钱丽萍' });
    await call(t.app, town, 'POST', personsUrl, { orgUnitId: org.units.villageA1.id, name: '孙红梅' });
    const header = ['队伍名称', '队伍类型', '所属组织', '队员姓名'];
    const job = await importTo(
      '/api/v1/people/volunteer-teams',
      await workbookOf([
        { name: '志愿服务队', rows: [header, ['甲一村巾帼志愿服务队', '志愿服务队', '甲一村', '钱丽萍']] },
        { name: '宣讲队', rows: [header, ['甲一村巾帼宣讲队', '宣讲队', '甲一村', '孙红梅']] },
      ]),
    );
    expect(job.issues).toEqual([]);
    expect(job.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });
});
