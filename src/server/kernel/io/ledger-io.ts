import ExcelJS from 'exceljs';
import type { ZodType } from 'zod';
import type { AuditModule } from '../../../contracts/audit';
import type { Permission } from '../../../contracts/common/permissions';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connection';
import type { ServiceContext } from '../service-context';
import { type CellResult, type CellValue, cellText } from './cells';
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
  /** Keep as text in Excel (ID numbers, phones), so nothing turns into a float. */
  isText?: boolean;
  width?: number;
  parse: (v: CellValue) => CellResult<unknown>;
};

export type ParsedRow = { rowNumber: number; values: Record<string, unknown>; raw: CellValue[] };
export type ImportIssue = { row: number; column: string; value: string; message: string };
export type ImportCounts = { created: number; updated: number; unchanged: number };

/** Thrown by a ledger's commit to reject rows only the database can judge (unknown village, duplicates). */
export class ImportRowsError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super('import rows rejected');
  }
}

export type ImportOptions = { defaultOrgUnitId?: string };

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

export type ValidationOutcome = { rows: ParsedRow[]; issues: ImportIssue[]; headerRow: CellValue[] };

/** Parses and checks every row; collects every problem rather than stopping at the first. */
export const validateRows = (
  io: LedgerIo,
  sheetRows: { rowNumber: number; cells: CellValue[] }[],
): ValidationOutcome | { fileError: string } => {
  const header = locateHeader(sheetRows, io.columns);
  if (!header) {
    return {
      fileError: `没有找到表头，请使用“模板下载”中的模板（表头应包含：${io.columns.map((c) => c.header).join('、')}）`,
    };
  }
  const missing = io.columns.filter((c) => c.isRequired && !header.map.has(c.key)).map((c) => c.header);
  if (missing.length) return { fileError: `缺少必填列：${missing.join('、')}` };
  let dataRows = sheetRows.slice(header.index + 1);
  // The template's hint row (second row) is not data.
  const first = dataRows[0];
  if (first) {
    const hints = io.columns.filter((c) => header.map.has(c.key));
    const isHint = hints.some((c) => cellText(first.cells[header.map.get(c.key) as number]) === c.hint);
    if (isHint) dataRows = dataRows.slice(1);
  }
  const issues: ImportIssue[] = [];
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (const sheetRow of dataRows) {
    const values: Record<string, unknown> = {};
    const rowIssues: ImportIssue[] = [];
    for (const column of io.columns) {
      const index = header.map.get(column.key);
      const cell = index === undefined ? undefined : sheetRow.cells[index];
      const r = column.parse(cell);
      const value = cellText(cell) ?? '';
      if ('error' in r)
        rowIssues.push({ row: sheetRow.rowNumber, column: column.header, value, message: r.error });
      else if (r.value === undefined && column.isRequired) {
        rowIssues.push({
          row: sheetRow.rowNumber,
          column: column.header,
          value: '',
          message: '必填项不能为空',
        });
      } else values[column.key] = r.value;
    }
    if (rowIssues.length === 0 && io.checkRow) {
      for (const [key, message] of io.checkRow(values)) {
        const column = io.columns.find((c) => c.key === key);
        const index = header.map.get(key);
        const value = index === undefined ? '' : (cellText(sheetRow.cells[index]) ?? '');
        rowIssues.push({ row: sheetRow.rowNumber, column: column?.header ?? key, value, message });
      }
    }
    if (rowIssues.length === 0) {
      const key = io.naturalKey(values);
      const earlier = key === undefined ? undefined : seen.get(key);
      if (earlier !== undefined) {
        rowIssues.push({ row: sheetRow.rowNumber, column: '', value: '', message: `与第${earlier}行重复` });
      } else if (key !== undefined) seen.set(key, sheetRow.rowNumber);
    }
    issues.push(...rowIssues);
    const raw = io.columns.map((c) => {
      const index = header.map.get(c.key);
      return index === undefined ? undefined : sheetRow.cells[index];
    });
    rows.push({ rowNumber: sheetRow.rowNumber, values, raw });
  }
  if (rows.length === 0) return { fileError: '表格中没有数据行' };
  return { rows, issues, headerRow: sheetRows[header.index].cells };
};

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
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** The error report: the rows as uploaded plus a 错误原因 column; rows with problems in red. */
export const buildErrorReport = async (
  io: LedgerIo,
  rows: ParsedRow[],
  issues: ImportIssue[],
): Promise<Buffer> => {
  const byRow = new Map<number, string[]>();
  for (const i of issues) {
    const text = i.column ? `【${i.column}】${i.message}` : i.message;
    byRow.set(i.row, [...(byRow.get(i.row) ?? []), text]);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(io.title));
  sheet.columns = [
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
    const problems = byRow.get(r.rowNumber);
    const row = sheet.addRow([
      r.rowNumber,
      problems?.join('；') ?? '',
      // The rows as uploaded (no formula escaping: the file is meant to be re-uploaded), minus what
      // would stop Excel opening it.
      ...r.raw.map((v) => (typeof v === 'string' ? xmlSafeText(v) : (v ?? null)) as ExcelJS.CellValue),
    ]);
    if (problems) {
      row.getCell(2).font = { color: { argb: 'FFC0392B' } };
      row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDEDEC' } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
