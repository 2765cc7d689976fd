import ExcelJS from 'exceljs';
import type { ZodType } from 'zod';
import type { AuditModule } from '../../../contracts/audit';
import type { Permission } from '../../../contracts/common/permissions';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connection';
import type { ServiceContext } from '../service-context';
import { type CellResult, type CellValue, cellText, LIST_CELL_RULE, parseDateCell } from './cells';
import { sheetName } from './sheet-name';
import type { ExportColumn } from './xlsx-export';
import { xmlSafeText } from './xml-text';

/** One column of a ledger's Excel template, and how its cells are read back. */
export type IoColumn = {
  key: string;
  header: string;
  /** Other headers real sheets use for the same column (e.g. 身份证号 for 身份证号码). */
  aliases?: readonly string[];
  hint: string;
  isRequired?: boolean;
  /** A drop-down list in the template. */
  options?: readonly string[];
  /** Several values in one cell (see cells.ts: splitKnownList); the template's 填写说明 states the rule. */
  isList?: boolean;
  /** Keep as text in Excel (ID numbers, phones), so nothing turns into a float. */
  isText?: boolean;
  width?: number;
  parse: (v: CellValue) => CellResult<unknown>;
};

/** A data row; `sheet` names its worksheet when the file holds more than one sheet of data. */
export type ParsedRow = {
  rowNumber: number;
  sheet?: string;
  /** A date the sheet's title above the header states (…统计表（截至2024年12月31日）), if any. */
  sheetDate?: string;
  values: Record<string, unknown>;
  raw: CellValue[];
};
export type ImportIssue = { row: number; sheet?: string; column: string; value: string; message: string };

/** Where a row is, as she reads it: 第12行, or 工作表“二组”第12行 when the file has several sheets. */
export const rowPlace = (r: { rowNumber: number; sheet?: string }) =>
  r.sheet ? `工作表“${r.sheet}”第${r.rowNumber}行` : `第${r.rowNumber}行`;

/** "Row N" of another row as seen from row `from`: the sheet is named only when it differs. */
export const otherRowPlace = (from: { sheet?: string }, other: { rowNumber: number; sheet?: string }) =>
  other.sheet && other.sheet !== from.sheet ? rowPlace(other) : `第${other.rowNumber}行`;
export type ImportCounts = { created: number; updated: number; unchanged: number };

/** Thrown by a ledger's commit to reject rows only the database can judge (unknown village, duplicates). */
export class ImportRowsError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super('import rows rejected');
  }
}

/** The date ages (35周岁) are counted from: the one she set, the sheet's own date column, or today. */
export type ReferenceDate = { date: string; source: 'option' | 'column' | 'title' | 'today' };

/**
 * What a commit tells besides its counts: warnings she must see (and, for some, confirm) before the
 * import is written, and the date the rows' ages were counted from.
 */
export class ImportNotes {
  readonly warnings: ImportIssue[] = [];
  referenceDate: ReferenceDate | null = null;

  warn(r: ParsedRow, column: string, value: string, message: string) {
    this.warnings.push({ row: r.rowNumber, ...(r.sheet ? { sheet: r.sheet } : {}), column, value, message });
  }
}

export type ImportOptions = {
  defaultOrgUnitId?: string;
  /** The date ages are counted from, when she sets it (else the sheet's date column, else today). */
  referenceDate?: string;
  /** She confirmed the moves a rehearsal warned of. */
  allowMoves?: boolean;
  /** A rehearsal: what needs confirming is a warning, not a refusal. */
  isPreview?: boolean;
  notes?: ImportNotes;
};

/**
 * What a ledger declares to get template download, validated all-or-nothing import, export and
 * the CLI — the one import/export mechanism every ledger reuses.
 */
export type LedgerIo = {
  ledger: string;
  /** The module its import and export audit rows belong to. */
  auditModule: AuditModule;
  /** zh-CN name, used for the sheet, the template and file names. */
  title: string;
  routeBase: string;
  permissions: { import: Permission; export: Permission };
  columns: readonly IoColumn[];
  /** Cross-column rules on one parsed row; returns problems as [column key, message]. */
  checkRow?: (values: Record<string, unknown>) => [string, string][];
  /** Rows with the same key in one file are refused as duplicates. */
  naturalKey: (values: Record<string, unknown>) => string | undefined;
  commit: (
    tx: Tx,
    ctx: ServiceContext,
    rows: ParsedRow[],
    opts: ImportOptions,
    onProgress: (done: number) => Promise<void>,
  ) => Promise<ImportCounts>;
  exportQuerySchema: ZodType;
  exportColumns: (
    ctx: ServiceContext,
    query: never,
  ) => ExportColumn<never>[] | Promise<ExportColumn<never>[]>;
  exportRows: (ctx: ServiceContext, query: never) => Promise<AsyncIterable<never[]>>;
  /** Drop-down lists the county configures (site kinds by label), by column key, over the columns' own. */
  templateOptions?: (ctx: ServiceContext) => Promise<Record<string, readonly string[]>>;
  /** Facts a ledger adds to its export's audit row (e.g. an unmasked export's row count). */
  exportAuditFacts?: (ctx: ServiceContext, query: never) => Promise<Record<string, unknown>>;
};

/**
 * A ledger's `checkRow` written over its own row type: `problem(field, message)` for each cross-field
 * problem of one parsed row.
 */
export const rowCheck =
  <Row>(check: (row: Row, problem: (field: string, message: string) => void) => void) =>
  (values: Record<string, unknown>): [string, string][] => {
    const problems: [string, string][] = [];
    check(values as Row, (field, message) => {
      problems.push([field, message]);
    });
    return problems;
  };

const norm = (s: string) => s.replace(/[\s*＊（）()：:]/g, '').replace(/（.*?）|\(.*?\)/g, '');

/** The audit row of one export of the ledger (`after` says which rows and how), in its own transaction. */
export const auditExport = (ctx: ServiceContext, io: LedgerIo, after: object) =>
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      module: io.auditModule,
      action: 'export',
      entityType: io.ledger,
      orgUnitId: ctx.actor.orgUnitId,
      orgPath: ctx.actor.orgPath,
      after: { ledger: io.ledger, ...after },
    }),
  );

/** Finds the header row among the first rows (titles and merged cells above it are skipped). */
export const locateHeader = (
  rows: { rowNumber: number; cells: CellValue[] }[],
  columns: readonly IoColumn[],
) => {
  let best: { index: number; map: Map<string, number>; score: number } | undefined;
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const map = new Map<string, number>();
    rows[i].cells.forEach((c, colIndex) => {
      const text = cellText(c);
      if (!text) return;
      const n = norm(text);
      const column = columns.find((col) => [col.header, ...(col.aliases ?? [])].some((h) => norm(h) === n));
      if (column && !map.has(column.key)) map.set(column.key, colIndex);
    });
    if (map.size > 0 && (!best || map.size > best.score)) best = { index: i, map, score: map.size };
  }
  return best;
};

export type ValidationOutcome = { rows: ParsedRow[]; issues: ImportIssue[] };

/** A worksheet handed to validation (see workbook.ts: readWorkbookSheets). */
export type SheetInput = {
  name: string;
  isHidden?: boolean;
  rows: { rowNumber: number; cells: CellValue[] }[];
};

/** A full date in the title rows above a sheet's header (截至2024年12月31日, 2024-12-31), if one is there. */
const titleDate = (rows: SheetInput['rows']): string | undefined => {
  for (const row of rows) {
    for (const cell of row.cells) {
      const text = cellText(cell);
      const m = text && /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(text);
      if (m) {
        const date = parseDateCell(`${m[1]}-${m[2]}-${m[3]}`);
        if ('value' in date && date.value) return date.value;
      }
    }
  }
  return undefined;
};

/** The template's own 填写说明 sheet (by its name or by its 列名/是否必填 header): never data. */
const isInstructionsSheet = (s: SheetInput) => {
  const name = norm(s.name).toLowerCase();
  if (name.startsWith('填写说明') || name === '说明' || name.startsWith('instructions')) return true;
  const first = s.rows[0]?.cells.map((c) => cellText(c) ?? '') ?? [];
  return first[0] === '列名' && first[1] === '是否必填';
};

/**
 * Parses and checks every row of every sheet holding the ledger's data; collects every problem rather
 * than stopping at the first. A file whose other sheets are not the ledger's (no header, a required
 * column missing) is refused naming the sheet: nothing she entered is silently left out. Hidden sheets
 * without the ledger's header (drop-down lists) and the template's 填写说明 are not data.
 */
export const validateSheets = (
  io: LedgerIo,
  sheets: SheetInput[],
): ValidationOutcome | { fileError: string } => {
  const candidates = sheets.filter((s) => !isInstructionsSheet(s));
  const located = candidates
    .map((sheet) => ({ sheet, header: locateHeader(sheet.rows, io.columns) }))
    .filter((x) => x.header || !x.sheet.isHidden);
  const isMany = located.length > 1;
  const named = (sheet: SheetInput, message: string) =>
    isMany ? `工作表“${sheet.name}”${message}` : message;
  const expected = `表头应包含：${io.columns.map((c) => c.header).join('、')}`;
  if (located.length === 0) {
    return { fileError: `没有找到表头，请使用“模板下载”中的模板（${expected}）` };
  }
  for (const { sheet, header } of located) {
    if (!header) {
      return {
        fileError: isMany
          ? `工作表“${sheet.name}”没有找到表头：文件中每个有内容的工作表都会导入，请删除与${io.title}无关的工作表，或按模板填写表头（${expected}）`
          : `没有找到表头，请使用“模板下载”中的模板（${expected}）`,
      };
    }
    const missing = io.columns.filter((c) => c.isRequired && !header.map.has(c.key)).map((c) => c.header);
    if (missing.length) return { fileError: named(sheet, `缺少必填列：${missing.join('、')}`) };
  }
  const issues: ImportIssue[] = [];
  const rows: ParsedRow[] = [];
  const seen = new Map<string, { rowNumber: number; sheet?: string }>();
  for (const { sheet, header: found } of located) {
    const header = found as NonNullable<typeof found>;
    const sheetLabel = isMany ? sheet.name : undefined;
    const sheetDate = titleDate(sheet.rows.slice(0, header.index));
    let dataRows = sheet.rows.slice(header.index + 1);
    // The template's hint row (second row) is not data.
    const first = dataRows[0];
    if (first) {
      const hints = io.columns.filter((c) => header.map.has(c.key));
      const isHint = hints.some((c) => cellText(first.cells[header.map.get(c.key) as number]) === c.hint);
      if (isHint) dataRows = dataRows.slice(1);
    }
    for (const sheetRow of dataRows) {
      const at = { row: sheetRow.rowNumber, ...(sheetLabel ? { sheet: sheetLabel } : {}) };
      const values: Record<string, unknown> = {};
      const rowIssues: ImportIssue[] = [];
      for (const column of io.columns) {
        const index = header.map.get(column.key);
        const cell = index === undefined ? undefined : sheetRow.cells[index];
        const r = column.parse(cell);
        const value = cellText(cell) ?? '';
        if ('error' in r) rowIssues.push({ ...at, column: column.header, value, message: r.error });
        else if (r.value === undefined && column.isRequired) {
          rowIssues.push({ ...at, column: column.header, value: '', message: '必填项不能为空' });
        } else values[column.key] = r.value;
      }
      if (rowIssues.length === 0 && io.checkRow) {
        for (const [key, message] of io.checkRow(values)) {
          const column = io.columns.find((c) => c.key === key);
          const index = header.map.get(key);
          const value = index === undefined ? '' : (cellText(sheetRow.cells[index]) ?? '');
          rowIssues.push({ ...at, column: column?.header ?? key, value, message });
        }
      }
      const here = { rowNumber: sheetRow.rowNumber, sheet: sheetLabel };
      if (rowIssues.length === 0) {
        const key = io.naturalKey(values);
        const earlier = key === undefined ? undefined : seen.get(key);
        if (earlier !== undefined) {
          rowIssues.push({ ...at, column: '', value: '', message: `与${otherRowPlace(here, earlier)}重复` });
        } else if (key !== undefined) seen.set(key, here);
      }
      issues.push(...rowIssues);
      const raw = io.columns.map((c) => {
        const index = header.map.get(c.key);
        return index === undefined ? undefined : sheetRow.cells[index];
      });
      rows.push({
        rowNumber: sheetRow.rowNumber,
        ...(sheetLabel ? { sheet: sheetLabel } : {}),
        ...(sheetDate ? { sheetDate } : {}),
        values,
        raw,
      });
    }
  }
  if (rows.length === 0) return { fileError: '表格中没有数据行' };
  return { rows, issues };
};

/** One sheet's rows (a CSV, or a caller that has read one sheet). */
export const validateRows = (io: LedgerIo, sheetRows: SheetInput['rows']) =>
  validateSheets(io, [{ name: io.title, rows: sheetRows }]);

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9EF' } };

/** The template: Chinese headers (required ones marked *), a hint row, drop-downs, text columns. */
export const buildTemplate = async (
  io: LedgerIo,
  configured: Record<string, readonly string[]> = {},
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(io.title));
  sheet.columns = io.columns.map((c) => ({ width: c.width ?? 16, style: c.isText ? { numFmt: '@' } : {} }));
  const header = sheet.getRow(1);
  const hints = sheet.getRow(2);
  io.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.isRequired ? `${c.header}*` : c.header;
    hints.getCell(i + 1).value = c.hint;
  });
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  hints.font = { italic: true, color: { argb: 'FF888888' } };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  io.columns.forEach((c, i) => {
    const options = configured[c.key] ?? c.options;
    // Excel refuses a drop-down list longer than 255 characters (the file would not open): a county's
    // long list is then named in 填写说明 only, and the import checks the cell as always.
    if (!options?.length || options.join(',').length > 255) return;
    const letter = sheet.getColumn(i + 1).letter;
    for (let r = 3; r <= 2000; r++) {
      sheet.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${options.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '请从下拉列表中选择',
        error: `可选：${options.join('、')}`,
      };
    }
  });
  const help = workbook.addWorksheet(sheetName('填写说明', [sheet.name]));
  help.columns = [{ width: 18 }, { width: 10 }, { width: 70 }];
  help.addRow(['列名', '是否必填', '说明']).font = { bold: true };
  for (const c of io.columns) {
    const options = configured[c.key];
    help.addRow([
      c.header,
      c.isRequired ? '必填' : '选填',
      options ? `${c.hint}。可选：${options.join('、')}` : c.hint,
    ]);
  }
  help.addRow([]);
  help.addRow(['注意', '', '请从第3行开始填写；身份证号码等长数字列已设为文本格式，请勿改为数字。']);
  if (io.columns.some((c) => c.isList)) help.addRow(['多项填写', '', LIST_CELL_RULE]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** The error report: the rows as uploaded plus a 错误原因 column; rows with problems in red. */
export const buildErrorReport = async (
  io: LedgerIo,
  rows: ParsedRow[],
  issues: ImportIssue[],
): Promise<Buffer> => {
  const placeKey = (sheet: string | undefined, row: number) => `${sheet ?? ''}|${row}`;
  const byRow = new Map<string, string[]>();
  for (const i of issues) {
    const text = i.column ? `【${i.column}】${i.message}` : i.message;
    const key = placeKey(i.sheet, i.row);
    byRow.set(key, [...(byRow.get(key) ?? []), text]);
  }
  const hasSheets = rows.some((r) => r.sheet);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(io.title));
  sheet.columns = [
    ...(hasSheets ? [{ header: '工作表', width: 14 }] : []),
    { header: '原行号', width: 8 },
    { header: '错误原因', width: 50 },
    ...io.columns.map((c) => ({
      header: c.header,
      width: c.width ?? 16,
      style: c.isText ? { numFmt: '@' } : {},
    })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const problems = byRow.get(placeKey(r.sheet, r.rowNumber));
    const row = sheet.addRow([
      ...(hasSheets ? [r.sheet ?? ''] : []),
      r.rowNumber,
      problems?.join('；') ?? '',
      // The rows as uploaded (no formula escaping: the file is meant to be re-uploaded), minus what
      // would stop Excel opening it.
      ...r.raw.map((v) => (typeof v === 'string' ? xmlSafeText(v) : (v ?? null)) as ExcelJS.CellValue),
    ]);
    if (problems) {
      row.getCell(hasSheets ? 3 : 2).font = { color: { argb: 'FFC0392B' } };
      row.getCell(hasSheets ? 2 : 1).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFDEDEC' },
      };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
