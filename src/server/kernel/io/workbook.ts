import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ErrorCode } from '../../../contracts/common/errors';
import type { CellValue } from './cells';
import { Gate, GateBusyError } from './gate';
import {
  DEFAULT_ZIP_LIMITS,
  SHEET_HEADER_ROWS,
  scanZip,
  type ZipLimits,
  ZipRefusedError,
  zipMessages,
  zipTextEntries,
} from './zip-guard';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

/** What an imported .xlsx may inflate to and hold; see zip-guard for why each limit is what it is. */
export const IMPORT_ZIP_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxSheetRows: MAX_IMPORT_ROWS };

export const IMPORT_BUSY_MESSAGE = '当前正在导入的文件较多，请稍后再导入';

/**
 * A file refused for what it is (too large, broken, not a workbook). `code` is the answer the import
 * route gives when it refuses the file at once; a job that meets it later shows the message instead.
 */
export class ImportFileError extends Error {
  readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode = 'BAD_REQUEST') {
    super(message);
    this.code = code;
  }
}

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

const hasContent = (cells: CellValue[]) =>
  cells.some((c) => c !== undefined && c !== null && String(c).trim() !== '');

export type CsvLimits = { maxRows: number; maxCells: number };

/**
 * RFC 4180 CSV (quotes, doubled quotes, CR/LF inside quotes). Bounded like a workbook: 10 MB of line
 * breaks or commas would otherwise be millions of arrays or strings, so parsing stops at the limits.
 */
export const parseCsv = (
  text: string,
  limits: CsvLimits = { maxRows: MAX_IMPORT_ROWS + SHEET_HEADER_ROWS, maxCells: IMPORT_ZIP_LIMITS.maxCells },
): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let cells = 0;
  const endField = () => {
    row.push(field);
    field = '';
    if (++cells > limits.maxCells)
      throw new ImportFileError(zipMessages.cells(limits.maxCells), 'PAYLOAD_TOO_LARGE');
  };
  const endRow = () => {
    rows.push(row);
    row = [];
    if (rows.length > limits.maxRows)
      throw new ImportFileError(
        zipMessages.sheetRows(limits.maxRows - SHEET_HEADER_ROWS),
        'PAYLOAD_TOO_LARGE',
      );
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length) {
    endField();
    endRow();
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

const isZipFile = (buf: Buffer) => buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;

/** Buffers `checkImportFile` has passed: the route checks at once, the job then need not inflate again. */
const checkedFiles = new WeakSet<Buffer>();

/**
 * The bounds of an upload, checked before anything holds its content: its size, and for an .xlsx a
 * streaming scan of what it really inflates to (bytes, rows, cells; see zip-guard). Cheap in memory
 * whatever the file, so the import route runs it before answering; reading the sheet comes later.
 */
export const checkImportFile = async (buf: Buffer) => {
  if (checkedFiles.has(buf)) return;
  if (buf.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `文件大小 ${(buf.length / 1048576).toFixed(1)}MB，超过 10MB 的上限，请拆分后分批导入`,
      'PAYLOAD_TOO_LARGE',
    );
  }
  if (isZipFile(buf)) {
    try {
      await scanZip(buf, IMPORT_ZIP_LIMITS);
    } catch (e) {
      if (!(e instanceof ZipRefusedError)) throw e;
      throw new ImportFileError(e.message, e.kind === 'limit' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
    }
  }
  checkedFiles.add(buf);
};

/**
 * A workbook is read one file at a time (its rows are held until the import is validated), a few more
 * waiting for at most two minutes, any beyond that told to come back later.
 */
const workbookGate = new Gate({ slots: 1, maxWaiting: 6, maxWaitMs: 120_000 });

/** True when a new import would be turned away: the route answers 503 before taking the upload. */
export const isImportBusy = () => workbookGate.isFull;

/** The widest sheet read: Excel 2003's 256 columns, far beyond any ledger's. */
export const MAX_IMPORT_COLUMNS = 256;

/** One worksheet as read: its name, whether it is hidden, and its non-blank rows. */
export type WorkbookSheet = { name: string; isHidden: boolean; rows: SheetRow[] };

// exceljs' streaming reader parts (not in its typings): the worksheet reader, fed the parts we inflate.
const requireCjs = createRequire(import.meta.url);
type StreamRow = {
  number: number;
  cellCount: number;
  eachCell: (f: (cell: { value: ExcelCell }, col: number) => void) => void;
};
const WorksheetReader = requireCjs('exceljs/lib/stream/xlsx/worksheet-reader') as new (args: {
  workbook: unknown;
  id: string;
  iterator: AsyncIterable<string>;
  options: unknown;
}) => AsyncIterable<StreamRow>;
/** What the streaming workbook reader keeps of the parts it parses (its methods below are exceljs'). */
type PartsReader = {
  options: unknown;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  _parseRels: (entry: Readable) => Promise<void>;
  _parseWorkbook: (entry: Readable) => Promise<void>;
  _parseSharedStrings: (entry: Readable) => AsyncIterable<unknown>;
  _parseStyles: (entry: Readable) => Promise<void>;
};

const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** An inline string longer than this (a whole `<is>…</is>`) is not a workbook's. */
const MAX_INLINE_STRING = 1024 * 1024;

/**
 * Worksheet XML with each inline rich string (`<is><r><t>甲</t></r><r><t>乙</t></r></is>`) as one text
 * (`<is><t>甲乙</t></is>`): exceljs' streaming worksheet reader keeps only the last run of one, where Excel
 * reads them all (its full load joined plain runs, and lost the cell when a run had formatting).
 * Phonetic runs (`<rPh>`) are not the cell's text. An `<is>` cut
 * between chunks waits for the next.
 */
async function* joinInlineRuns(chunks: AsyncIterable<string>) {
  let carry = '';
  const joined = (is: string) => {
    const body = is.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '');
    const texts = [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]);
    return `<is><t xml:space="preserve">${texts.join('')}</t></is>`;
  };
  for await (const chunk of chunks) {
    let text = carry + chunk;
    carry = '';
    let out = '';
    for (;;) {
      const open = text.search(/<is[\s>]/);
      if (open === -1) {
        // A tail that may be the start of an `<is` (`<`, `<i`, `<is`) waits for the next chunk.
        const lt = text.lastIndexOf('<');
        const cut = lt !== -1 && text.length - lt <= 3 ? lt : text.length;
        out += text.slice(0, cut);
        carry = text.slice(cut);
        break;
      }
      const close = text.indexOf('</is>', open);
      if (close === -1) {
        if (text.length - open > MAX_INLINE_STRING) throw new ImportFileError(zipMessages.odd);
        out += text.slice(0, open);
        carry = text.slice(open);
        break;
      }
      out += text.slice(0, open) + joined(text.slice(open, close + 5));
      text = text.slice(close + 5);
    }
    if (out) yield out;
  }
  if (carry) yield carry;
}

/**
 * The sheets of an .xlsx, read as streams: the parts a worksheet needs (relationships, workbook, shared
 * strings, styles for date cells) first, then each worksheet row by row, in the workbook's order, each
 * row kept only as its plain values. exceljs' full load held every cell as objects (~600 bytes a
 * cell, +250 MB for 50,000 rows of 8 columns); this holds the plain values and one row of objects.
 * Worksheets are found as exceljs' loader finds them (xl/worksheets/sheetN.xml through the workbook's
 * relationships), and read by its own streaming worksheet reader, so cells read as they did.
 */
const readXlsxSheets = async (buf: Buffer): Promise<WorkbookSheet[]> => {
  const parts = zipTextEntries(buf, IMPORT_ZIP_LIMITS);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as PartsReader;
  const part = (name: string) => {
    const read = parts.get(name);
    return read ? Readable.from(read()) : undefined;
  };
  const broken = () =>
    new ImportFileError('无法读取该 Excel 文件，请确认文件未损坏、未加密，并为 .xlsx 格式');
  const sheets: WorkbookSheet[] = [];
  let total = 0;
  try {
    const rels = part('xl/_rels/workbook.xml.rels');
    const book = part('xl/workbook.xml');
    if (!rels || !book) throw broken();
    await reader._parseRels(rels);
    await reader._parseWorkbook(book);
    const strings = part('xl/sharedStrings.xml');
    if (strings) for await (const _ of reader._parseSharedStrings(strings));
    const styles = part('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);
    const relById = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r]));
    const found = (reader.model?.sheets ?? []).flatMap((sheet) => {
      const rel = relById.get(sheet.rId);
      const name = rel && `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, '')}`;
      const no = name && WORKSHEET_PART.exec(name)?.[1];
      return name && no && parts.has(name) ? [{ sheet, name, no }] : [];
    });
    if (found.length === 0) throw new ImportFileError('文件中没有工作表');
    for (const { sheet, name, no } of found) {
      const read = parts.get(name) as () => AsyncGenerator<string>;
      const rows: SheetRow[] = [];
      const worksheet = new WorksheetReader({
        workbook: reader,
        id: no,
        iterator: joinInlineRuns(read()),
        options: reader.options,
      });
      let last = 0;
      for await (const row of worksheet) {
        // A row without its number (r) follows the one before, as Excel reads it.
        const rowNumber = Number.isNaN(row.number) ? last + 1 : row.number;
        last = rowNumber;
        // Row numbers, not row elements: one cell in row 60,000 is past the limit too.
        if (!(rowNumber <= MAX_IMPORT_ROWS + SHEET_HEADER_ROWS)) {
          throw new ImportFileError(zipMessages.sheetRows(MAX_IMPORT_ROWS), 'PAYLOAD_TOO_LARGE');
        }
        // cellCount is the row's last column: one cell in column XFD would otherwise make 16,384 cells
        // of the row (exceljs creates each empty one it is asked for).
        if (row.cellCount > MAX_IMPORT_COLUMNS) {
          throw new ImportFileError(
            `工作表“${sheet.name}”第 ${rowNumber} 行有超过 ${MAX_IMPORT_COLUMNS} 列的内容，已拒绝，请删除多余的列后再导入`,
            'PAYLOAD_TOO_LARGE',
          );
        }
        const cells: CellValue[] = Array.from({ length: row.cellCount }, () => undefined);
        row.eachCell((cell, col) => {
          cells[col - 1] = plain(cell.value);
        });
        // Blank rows are not kept (their numbers stay as in the sheet).
        if (hasContent(cells)) rows.push({ rowNumber, cells });
      }
      if (rows.length === 0) continue;
      // The limit is the file's: 50,000 rows split over several sheets are as many rows.
      total += rows.length;
      if (total > MAX_IMPORT_ROWS + SHEET_HEADER_ROWS * (sheets.length + 1)) {
        throw new ImportFileError(zipMessages.sheetRows(MAX_IMPORT_ROWS), 'PAYLOAD_TOO_LARGE');
      }
      sheets.push({ name: sheet.name, isHidden: (sheet.state ?? 'visible') !== 'visible', rows });
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw broken();
  }
  return sheets;
};

/**
 * Reads every worksheet of an .xlsx (a .csv is one sheet) into rows of plain cell values, blank rows
 * left out and sheets with nothing in them dropped; which sheets are ledger data is the import's call
 * (see `validateSheets`). Old .xls files, oversize files and zip bombs are refused with a message
 * saying what to do.
 */
export const readWorkbookSheets = async (buf: Buffer, filename: string): Promise<WorkbookSheet[]> => {
  await checkImportFile(buf);
  const isOle = buf.length > 8 && buf.readUInt32BE(0) === 0xd0cf11e0;
  if (isOle) {
    throw new ImportFileError(
      '这是旧版 Excel（.xls）文件或设置了打开密码的文件，请在 Excel 或 WPS 中取消密码并“另存为” .xlsx 格式后再上传',
    );
  }
  let sheets: WorkbookSheet[];
  if (isZipFile(buf)) {
    try {
      sheets = await workbookGate.run(() => readXlsxSheets(buf));
    } catch (e) {
      if (e instanceof GateBusyError) throw new ImportFileError(IMPORT_BUSY_MESSAGE, 'UNAVAILABLE');
      throw e;
    }
  } else if (/\.csv$/i.test(filename) || !buf.subarray(0, 512).includes(0)) {
    const rows = parseCsv(decodeText(buf)).map((cells, i) => ({ rowNumber: i + 1, cells }));
    sheets = [{ name: filename.replace(/\.[^.]+$/, ''), isHidden: false, rows }];
  } else {
    throw new ImportFileError('不支持的文件类型，请上传 .xlsx（或 .csv）文件');
  }
  // Blank rows (all cells empty after trimming) are skipped; their numbers stay as in the sheet.
  return sheets
    .map((s) => ({ ...s, rows: s.rows.filter((r) => hasContent(r.cells)) }))
    .filter((s) => s.rows.length > 0);
};

/** The rows of the first sheet that holds any (for callers that read one table). */
export const readSheetRows = async (buf: Buffer, filename: string): Promise<SheetRow[]> =>
  (await readWorkbookSheets(buf, filename))[0]?.rows ?? [];
