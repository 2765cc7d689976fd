import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharOf } from '../src/contracts/common/id-number';
import {
  desktop,
  downloadFrom,
  eventually,
  hasChromium,
  JOURNEY,
  launch,
  newContext,
  openFromMenu,
  shot,
  signIn,
} from './support';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = [
  '姓名',
  '性别',
  '出生日期',
  '身份证号码',
  '联系电话',
  '所属村（社区）',
  '家庭住址',
  '门牌号',
];

/** A fictional ID number (prefix 339901 is no real county) with a correct check digit; 8xx keeps clear of the demo's. */
const fictionalId = (birth: string, seq: string) => {
  const first17 = `339901${birth}${seq}`;
  return first17 + checkCharOf(first17);
};
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

type Row = { name: string; birthDate: string; idNumber: string; phone: string; houseNumber: string };

const people: Row[] = [
  {
    name: '柏若岚',
    birthDate: '1985-03-15',
    idNumber: fictionalId('19850315', '802'),
    phone: '13800001001',
    houseNumber: '1号',
  },
  {
    name: '柏思琪',
    birthDate: '1990-07-20',
    idNumber: fictionalId('19900720', '804'),
    phone: '13800001002',
    houseNumber: '2号',
  },
  {
    name: '柏若溪',
    birthDate: '1978-11-02',
    idNumber: fictionalId('19781102', '806'),
    phone: '13800001003',
    houseNumber: '3号',
  },
  {
    name: '柏雨桐',
    birthDate: '1985-02-28',
    idNumber: fictionalId('19850228', '808'),
    phone: '13800001004',
    houseNumber: '4号',
  },
];
// Sheet rows 3 and 5 (row 1 is the header): a mistyped check digit, and 30 February.
const BAD_ID_ROW = 3;
const BAD_DATE_ROW = 5;

const buildSheet = async (): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员信息');
  sheet.addRow(HEADERS);
  people.forEach((p, i) => {
    const row = i + 2;
    sheet.addRow([
      p.name,
      '女',
      row === BAD_DATE_ROW ? '1985-02-30' : p.birthDate,
      row === BAD_ID_ROW ? wrongCheck(p.idNumber) : p.idNumber,
      p.phone,
      '东岭村妇联',
      '东岭村柏树巷',
      p.houseNumber,
    ]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** The error report as the server wrote it, corrected the way a cadre would: in place, 错误原因 left as is. */
const fixReport = async (report: Buffer): Promise<{ buffer: Buffer; reasons: string[] }> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(report as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const col = (name: string) => header.indexOf(name);
  const reasons: string[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const reason = String(row.getCell(col('错误原因')).value ?? '');
    if (reason) reasons.push(reason);
    const original = people.find((p) => p.name === String(row.getCell(col('姓名')).value));
    if (!original) continue;
    row.getCell(col('身份证号码')).value = original.idNumber;
    row.getCell(col('出生日期')).value = original.birthDate;
  }
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), reasons };
};

const readDownload = async (download: Download): Promise<Buffer> => {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const upload = (page: Page, name: string, buffer: Buffer) =>
  page
    .getByTestId('import-upload')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: XLSX, buffer });

/** The wizard's result once the server has checked the sheet: 'failed' or 'succeeded' (waits up to WAIT). */
const resultStatus = (page: Page) => page.getByTestId('import-result').getAttribute('data-status');

/** Issue: people ledgers in the web UI — the town chair imports a village sheet, fixes its errors, finds a woman. */
describe.skipIf(!hasChromium())('people import journey', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('template → upload with two bad rows → error report → fixed report re-uploaded → 新增 4 → found by name', async () => {
    const context = await newContext(browser, { ...desktop, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, 'town');

    await openFromMenu(page, 'menu-people', 'menu-people-persons', '/people/persons');
    await eventually(() =>
      page.getByTestId('persons-table').locator('.ant-table-row').count(),
    ).toBeGreaterThan(0);
    await shot(page, 'people-persons-list');

    // Step 1: the template downloads under its Chinese name.
    await page.getByTestId('person-import').click();
    const template = await downloadFrom(page, page.getByTestId('import-template-link'));
    expect(template.suggestedFilename()).toContain('模板');
    await shot(page, 'people-import-step1');
    await page.getByTestId('import-next').click();

    // Step 2 → 3: a sheet with two bad rows is refused as a whole, row by row.
    await upload(page, '东岭村人员.xlsx', await buildSheet());
    expect(await resultStatus(page)).toBe('failed');
    const issueRows = await page
      .getByTestId('import-issues')
      .locator('tbody tr td:first-child')
      .allInnerTexts();
    expect(issueRows).toEqual(expect.arrayContaining([String(BAD_ID_ROW), String(BAD_DATE_ROW)]));
    expect(await page.getByTestId('import-issues').innerText()).toContain('校验位');
    await shot(page, 'people-import-failed');

    // The error report carries 错误原因; fixed in place, it is uploaded again as it is.
    const reportDownload = await downloadFrom(page, page.getByTestId('import-report-link'));
    const fixed = await fixReport(await readDownload(reportDownload));
    expect(fixed.reasons.length).toBe(2);
    await page.getByTestId('import-reupload').click();
    await upload(page, reportDownload.suggestedFilename(), fixed.buffer);
    // Before anything is written she sees what would happen, and the first rows as read (masked).
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await page.getByTestId('import-preview-count-created').innerText()).toContain('4');
    expect(await page.getByTestId('import-preview-sample').locator('thead').innerText()).toContain('姓名');
    await shot(page, 'people-import-preview');
    const unwritten = await page.evaluate(() =>
      fetch('/api/v1/people/persons?q=%E6%9F%8F%E8%8B%A5%E6%BA%AA').then((r) => r.json()),
    );
    expect(unwritten.items).toEqual([]);
    await page.getByTestId('import-confirm').click();
    expect(await resultStatus(page)).toBe('succeeded');
    expect(await page.getByTestId('import-count-created').innerText()).toContain('4');
    await shot(page, 'people-import-succeeded');
    await page.getByTestId('import-done').click();

    // She is in the ledger: search by name finds her row.
    const search = page.getByTestId('persons-q');
    await search.locator('input').fill('柏若溪');
    await search.locator('input').press('Enter');
    await eventually(() =>
      page.getByTestId('persons-table').locator('.ant-table-row').allInnerTexts(),
    ).toEqual([expect.stringContaining('柏若溪')]);
    expect(await page.getByTestId('persons-table').innerText()).toContain('东岭村妇联');
    await shot(page, 'people-import-found');
    await context.close();
  });
});
