import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportFileError, parseCsv, readSheetRows } from './workbook';
import {
  bombEntry,
  buildZip,
  deflatedEntry,
  sheetWorkbook,
  sheetXml,
  storedEntry,
  workbookParts,
} from './zip-fixtures';
import { DEFAULT_ZIP_LIMITS, scanZip, ZipRefusedError, zipMessages } from './zip-guard';

const MiB = 1024 * 1024;

/** Runs `f` sampling RSS every 5 ms; resolves to how far RSS rose above where it started. */
const rssGrowth = async (f: () => Promise<unknown>) => {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await f();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
};

/** The refusal a scan ends in (fails the test when the scan passes). */
const refusalOf = async (buf: Buffer, limits = DEFAULT_ZIP_LIMITS) => {
  try {
    await scanZip(buf, limits);
  } catch (e) {
    if (e instanceof ZipRefusedError) return e;
    throw e;
  }
  throw new Error('the scan let the archive through');
};

/** 1,000,001 rows, deflated once for the tests that need it (~4 s of CPU). */
let millionRows: Promise<Buffer> | undefined;
const millionRowWorkbook = () => {
  millionRows ??= sheetWorkbook(1_000_001);
  return millionRows;
};

const sheetEntry = (rows: number, cellsPerRow = 1) =>
  deflatedEntry('xl/worksheets/sheet1.xml', sheetXml(rows, cellsPerRow));

describe('scanZip: what a workbook really inflates to', () => {
  it('lets a workbook written by exceljs through and counts its rows and cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员信息');
    ws.addRow(['姓名', '出生日期']);
    for (let i = 0; i < 300; i++) ws.addRow([`王秀英${i}`, new Date(Date.UTC(1980, 0, 1 + i))]);
    const scan = await scanZip(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(scan).toMatchObject({ rows: 301, cells: 602, maxSheetRows: 301 });
  });

  it('counts every row and cell exactly, tags cut between chunks included, stored or deflated', async () => {
    // ~2.4 MB of XML: dozens of 64 KB chunk boundaries fall inside tags.
    const deflated = buildZip([...(await workbookParts()), await sheetEntry(20_000, 3)]);
    expect(await scanZip(deflated)).toMatchObject({ rows: 20_000, cells: 60_000 });
    const xml = Buffer.from([...sheetXml(20_000, 3)].join(''));
    const stored = buildZip([...(await workbookParts()), storedEntry('xl/worksheets/sheet1.xml', xml)]);
    expect(await scanZip(stored)).toMatchObject({ rows: 20_000, cells: 60_000 });
  });

  it('refuses a 2.8 GB bomb whose headers claim 1 KB at the claim, in a few MB of memory', async () => {
    const bomb = buildZip([...(await workbookParts()), bombEntry('xl/worksheets/sheet1.xml', 2_800)]);
    expect(bomb.length).toBeLessThan(10 * MiB);
    let refusal: ZipRefusedError | undefined;
    const growth = await rssGrowth(async () => {
      refusal = await refusalOf(bomb);
    });
    expect(refusal).toMatchObject({ kind: 'invalid', message: zipMessages.lies });
    expect(growth).toBeLessThan(50 * MiB);
  });

  it('stops a bomb claiming just under the limit at the limit: memory stays flat while 99 MB inflate', async () => {
    const bomb = buildZip([
      ...(await workbookParts()),
      bombEntry('xl/worksheets/sheet1.xml', 2_800, 99 * MiB),
    ]);
    let refusal: ZipRefusedError | undefined;
    const growth = await rssGrowth(async () => {
      refusal = await refusalOf(bomb);
    });
    expect(refusal?.message).toBe(zipMessages.lies);
    expect(growth).toBeLessThan(100 * MiB);
  });

  it('refuses, by its real bytes, an archive whose entries each tell the truth but together pass the limit', async () => {
    // The declared gate and the real count use the same limit; a limit lowered for the real count
    // alone shows it stops on inflated bytes, not on what the headers say.
    const buf = buildZip([...(await workbookParts()), await sheetEntry(2_000, 5)]);
    const refusal = await refusalOf(buf, { ...DEFAULT_ZIP_LIMITS, maxUncompressed: 100_000 });
    expect(refusal).toMatchObject({ kind: 'limit', message: zipMessages.tooLarge(100_000) });
  });

  it('refuses a sheet of 1,000,001 rows after 50,010, without inflating the rest', async () => {
    const buf = await millionRowWorkbook();
    expect(buf.length).toBeLessThan(10 * MiB);
    let refusal: ZipRefusedError | undefined;
    const growth = await rssGrowth(async () => {
      refusal = await refusalOf(buf);
    });
    expect(refusal).toMatchObject({
      kind: 'limit',
      message: '工作表超过 50000 行，已拒绝，请拆分后分批导入',
    });
    expect(growth).toBeLessThan(100 * MiB);
  }, 60_000);

  it('refuses more rows across the sheets than one import may hold, and more cells', async () => {
    const sheets = await Promise.all(
      [1, 2, 3].map((n) => deflatedEntry(`xl/worksheets/sheet${n}.xml`, sheetXml(40_000))),
    );
    const rows = await refusalOf(buildZip([...(await workbookParts()), ...sheets]));
    expect(rows.message).toBe(zipMessages.totalRows(100_000));
    const wide = buildZip([...(await workbookParts()), await sheetEntry(1_000, 40)]);
    const cells = await refusalOf(wide, { ...DEFAULT_ZIP_LIMITS, maxCells: 30_000 });
    expect(cells).toMatchObject({ kind: 'limit', message: zipMessages.cells(30_000) });
  }, 60_000);

  it('refuses 100,000 entries, whether the end record counts them modulo 65,536 or lies about them', async () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => storedEntry(String(i), ''));
    expect((await refusalOf(buildZip(entries))).message).toBe(zipMessages.tooManyEntries);
    expect((await refusalOf(buildZip(entries, { declaredEntries: 5 }))).message).toBe(zipMessages.odd);
  });

  it('refuses a zip inside the zip', async () => {
    const inner = buildZip([await deflatedEntry('a.txt', ['hello'])]);
    const buf = buildZip([
      ...(await workbookParts()),
      await sheetEntry(3),
      await deflatedEntry('xl/embeddings/Microsoft_Excel_Worksheet.xlsx', [inner]),
    ]);
    expect(await refusalOf(buf)).toMatchObject({ kind: 'invalid', message: zipMessages.nested });
  });

  it('refuses truncated and corrupted archives', async () => {
    const good = await sheetWorkbook(2_000, 2);
    expect((await refusalOf(good.subarray(0, good.length >> 1))).message).toBe(zipMessages.corrupt);
    // Headers intact, the sheet's deflate data scrambled.
    const parts = await workbookParts();
    const sheet = await sheetEntry(2_000, 2);
    const scrambled = Buffer.from(sheet.data);
    for (let i = 100; i < scrambled.length; i += 7) scrambled[i] ^= 0x5a;
    const refusal = await refusalOf(buildZip([...parts, { ...sheet, data: scrambled }]));
    expect(refusal.kind).toBe('invalid');
    expect(await refusalOf(Buffer.from('这不是一个 Excel 文件'.repeat(10)))).toMatchObject({
      message: zipMessages.corrupt,
    });
  });

  it('refuses encrypted entries, a wrong CRC, and a data descriptor that disagrees', async () => {
    const parts = await workbookParts();
    const sheet = await sheetEntry(10);
    expect((await refusalOf(buildZip([...parts, { ...sheet, flags: 1 }]))).message).toBe(
      zipMessages.encrypted,
    );
    expect((await refusalOf(buildZip([...parts, { ...sheet, crc: sheet.crc ^ 1 }]))).message).toBe(
      zipMessages.lies,
    );
    // Flag 8: sizes in a descriptor after the data; here none follows that agrees.
    expect((await refusalOf(buildZip([...parts, { ...sheet, flags: 8 }]))).message).toBe(zipMessages.lies);
  });

  it('refuses two directory records sharing one stream (overlapping entries)', async () => {
    const parts = await workbookParts();
    const sheet = await sheetEntry(10);
    const buf = buildZip([...parts, sheet]);
    // Re-point the workbook.xml record's local offset at the sheet's local header.
    const cd = buf.readUInt32LE(buf.length - 6);
    const records: number[] = [];
    for (let p = cd; buf.readUInt32LE(p) === 0x02014b50; ) {
      records.push(p);
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    const sheetOffset = buf.readUInt32LE(records[4] + 42);
    const copy = Buffer.from(buf);
    copy.writeUInt32LE(sheetOffset, records[2] + 42);
    expect((await refusalOf(copy)).kind).toBe('invalid');
  });
});

describe('scanZip: ranges and tables that exceljs multiplies', () => {
  const sheetWith = (inner: string, after = '') =>
    deflatedEntry('xl/worksheets/sheet1.xml', [
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      `<sheetData>${inner}</sheetData>${after}`,
      '</worksheet>',
    ]);

  it('counts the cells a merge covers: one merge over the whole sheet is refused', async () => {
    const buf = buildZip([
      ...(await workbookParts()),
      await sheetWith(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>',
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      ),
    ]);
    expect(await refusalOf(buf)).toMatchObject({ kind: 'limit', message: zipMessages.cells(600_000) });
    const title = buildZip([
      ...(await workbookParts()),
      await sheetWith(
        '<row r="1"><c r="A1"/></row>',
        '<mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells>',
      ),
    ]);
    expect(await scanZip(title)).toMatchObject({ merges: 1, cells: 9 });
  });

  it('refuses too many merges, cell formats and shared strings', async () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxMerges: 100, maxStyles: 100, maxCells: 1_000 };
    const merges = Array.from({ length: 101 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`);
    const merged = buildZip([
      ...(await workbookParts()),
      await sheetWith('', `<mergeCells>${merges.join('')}</mergeCells>`),
    ]);
    expect((await refusalOf(merged, limits)).message).toBe(zipMessages.merges(100));
    const styles = buildZip([
      ...(await workbookParts()),
      await deflatedEntry('xl/styles.xml', [
        '<styleSheet><cellXfs>',
        '<xf numFmtId="0"/>'.repeat(101),
        '</cellXfs></styleSheet>',
      ]),
    ]);
    expect((await refusalOf(styles, limits)).message).toBe(zipMessages.styles(100));
    const strings = buildZip([
      ...(await workbookParts()),
      await deflatedEntry('xl/sharedStrings.xml', ['<sst>', '<si><t>王</t></si>'.repeat(1_001), '</sst>']),
    ]);
    expect((await refusalOf(strings, limits)).message).toBe(zipMessages.cells(1_000));
  });
});

describe('readSheetRows: nothing reaches exceljs unchecked', () => {
  const refusalOfRead = async (buf: Buffer, filename = 'a.xlsx') => {
    try {
      await readSheetRows(buf, filename);
    } catch (e) {
      if (e instanceof ImportFileError) return e;
      throw e;
    }
    throw new Error('the file was read');
  };

  it('refuses the bomb and the million rows as 4xx-coded file errors', async () => {
    const bomb = buildZip([...(await workbookParts()), bombEntry('xl/worksheets/sheet1.xml', 2_800)]);
    expect(await refusalOfRead(bomb)).toMatchObject({ code: 'BAD_REQUEST', message: zipMessages.lies });
    const rows = await refusalOfRead(await millionRowWorkbook());
    expect(rows).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('超过 50000 行'),
    });
  }, 60_000);

  it('refuses a cell in column XFD at once instead of making 16,384 cells of every row', async () => {
    const rows = Array.from(
      { length: 2_000 },
      (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`,
    );
    const buf = buildZip([
      ...(await workbookParts()),
      await deflatedEntry('xl/worksheets/sheet1.xml', [
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
        rows.join(''),
        '</sheetData></worksheet>',
      ]),
    ]);
    const t0 = performance.now();
    expect(await refusalOfRead(buf)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('超过 256 列'),
    });
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('reads a sheet whose defined name, data validation and column widths span the whole sheet, quickly', async () => {
    const whole = '$A$1:$XFD$1048576';
    const parts = (await workbookParts()).filter((e) => e.name !== 'xl/workbook.xml');
    const buf = buildZip([
      ...parts,
      await deflatedEntry('xl/workbook.xml', [
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>',
        `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Sheet1!${whole}</definedName><definedName name="全表">Sheet1!${whole}</definedName></definedNames>`,
        '</workbook>',
      ]),
      await deflatedEntry('xl/worksheets/sheet1.xml', [
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        '<cols><col min="1" max="16384" width="9"/></cols>',
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>林秀珍</t></is></c></row></sheetData>',
        '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
        '</worksheet>',
      ]),
    ]);
    const t0 = performance.now();
    expect(await readSheetRows(buf, 'a.xlsx')).toEqual([
      { rowNumber: 1, cells: ['姓名'] },
      { rowNumber: 2, cells: ['林秀珍'] },
    ]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('still reads an honest hand-built workbook', async () => {
    const rows = await readSheetRows(await sheetWorkbook(3, 2), 'ok.xlsx');
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['1-0', '1-1'] },
      { rowNumber: 2, cells: ['2-0', '2-1'] },
      { rowNumber: 3, cells: ['3-0', '3-1'] },
    ]);
  });
});

describe('parseCsv: bounded like a workbook', () => {
  it('stops at the row and cell limits instead of building millions of arrays', () => {
    expect(() => parseCsv('\n'.repeat(60_000))).toThrow('工作表超过 50000 行');
    expect(() => parseCsv(',,,\n'.repeat(20), { maxRows: 100, maxCells: 50 })).toThrow('单元格超过');
    expect(parseCsv('a,b\n', { maxRows: 1, maxCells: 2 })).toEqual([['a', 'b']]);
  });

  it('refuses a 10 MB CSV of line breaks as a file error', async () => {
    const err = await readSheetRows(Buffer.alloc(9 * MiB, 0x0a), 'a.csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect(err).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
