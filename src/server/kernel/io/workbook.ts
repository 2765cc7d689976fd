import ExcelJS from 'exceljs';
import type { CellValue } from './cells';
import { checkZip } from './zip-guard';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export class ImportFileError extends Error {}

export type SheetRow = { rowNumber: number; cells: CellValue[] };

type ExcelCell = ExcelJS.CellValue;

/** exceljs cell values (rich text, formulas, hyperlinks, shared strings) to plain values. */
const plain = (v: ExcelCell): CellValue => {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plain(v.result as ExcelCell);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return undefined;
  }
  return String(v);
};

/** RFC 4180 CSV (quotes, doubled quotes, CR/LF inside quotes). */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
};

/** CSV saved by Excel/WPS on a Chinese system is often GB18030, not UTF-8. */
const decodeText = (buf: Buffer) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
};

/**
 * Reads the first worksheet of an .xlsx (or a .csv) into rows of plain cell values. Old .xls files,
 * oversize files and zip bombs are refused with a message saying what to do.
 */
export const readSheetRows = async (buf: Buffer, filename: string): Promise<SheetRow[]> => {
  if (buf.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `文件大小 ${(buf.length / 1048576).toFixed(1)}MB，超过 10MB 的上限，请拆分后分批导入`,
    );
  }
  const isZip = buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;
  const isOle = buf.length > 8 && buf.readUInt32BE(0) === 0xd0cf11e0;
  if (isOle) {
    throw new ImportFileError('这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再上传');
  }
  let rows: SheetRow[] = [];
  if (isZip) {
    const problem = checkZip(buf);
    if (problem) throw new ImportFileError(problem);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new ImportFileError('无法读取该 Excel 文件，请确认文件未损坏、未加密，并为 .xlsx 格式');
    }
    const sheet =
      workbook.worksheets.find((s) => s.state === 'visible' && s.rowCount > 0) ?? workbook.worksheets[0];
    if (!sheet) throw new ImportFileError('文件中没有工作表');
    if (sheet.rowCount > MAX_IMPORT_ROWS + 10) {
      throw new ImportFileError(`工作表超过 ${MAX_IMPORT_ROWS} 行，请拆分后分批导入`);
    }
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = plain(cell.value);
      });
      rows.push({ rowNumber, cells });
    });
  } else if (/\.csv$/i.test(filename) || !buf.subarray(0, 512).includes(0)) {
    rows = parseCsv(decodeText(buf)).map((cells, i) => ({ rowNumber: i + 1, cells }));
  } else {
    throw new ImportFileError('不支持的文件类型，请上传 .xlsx（或 .csv）文件');
  }
  // Blank rows (all cells empty after trimming) are skipped; their numbers stay as in the sheet.
  return rows.filter((r) => r.cells.some((c) => c !== undefined && c !== null && String(c).trim() !== ''));
};
