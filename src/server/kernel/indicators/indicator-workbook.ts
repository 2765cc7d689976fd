import ExcelJS from 'exceljs';
import type { IndicatorValues } from '../../../contracts/indicators';
import { sheetName as safeSheetName } from '../io/sheet-name';
import { escapeCell } from '../io/xlsx-export';
import type { Indicator } from './registry';

const axisName = (i: Indicator, key: string | undefined) => {
  if (!key) return '';
  if (key === 'orgUnit' || key === 'orgUnit2') return '单位';
  return i.dimensions[key]?.label.zh ?? key;
};

/** An upward-report table: title, period, unit of measure, producing federation, header, rows, total. */
export type ReportTable = {
  title: string;
  periodLabel: string;
  /** 单位: one unit for the whole table, or empty when each column names its own. */
  unitOfMeasure: string;
  producer: string;
  header: string[];
  rows: (string | number)[][];
  total: (string | number)[];
  /** Printed under the table (e.g. skipped indicators). */
  note?: string;
};

/**
 * One writer for every upward-report sheet, in the layout a county expects: a merged title row,
 * 统计期间 and 单位, 制表单位, the bold header, the rows and a bold 合计 row.
 */
export const reportTableWorkbook = async (t: ReportTable, sheetName = t.title): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(safeSheetName(sheetName, [], '统计表'));
  const width = Math.max(2, t.header.length);
  ws.addRow([escapeCell(t.title)]);
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow([
    escapeCell(`统计期间：${t.periodLabel}`),
    '',
    escapeCell(t.unitOfMeasure ? `单位：${t.unitOfMeasure}` : ''),
  ]);
  ws.addRow([escapeCell(`制表单位：${t.producer}`)]);
  ws.addRow(t.header.map((h) => escapeCell(h))).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((c) => (typeof c === 'string' ? escapeCell(c) : c)));
  ws.addRow(t.total.map((c) => (typeof c === 'string' ? escapeCell(c) : c))).font = { bold: true };
  if (t.note) ws.addRow([escapeCell(t.note)]);
  ws.columns.forEach((c, n) => {
    c.width = n === 0 ? 22 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/**
 * An indicator's table as a county expects it: a title row naming the statistic and period, the
 * producing federation and unit of measure, then the table (a cross table for two groupings) and a
 * total row.
 */
export const indicatorWorkbook = async (
  i: Indicator,
  v: IndicatorValues,
  meta: { unitName: string; groupBy?: string },
): Promise<Buffer> => {
  const [key1, key2] = (meta.groupBy ?? '').split(',').filter(Boolean);
  const base = {
    title: `${meta.unitName}${i.label.zh}统计表`,
    periodLabel: `${v.from} 至 ${v.to}`,
    unitOfMeasure: i.unit.zh,
    producer: meta.unitName,
  };
  if (!key1) {
    return reportTableWorkbook({ ...base, header: ['合计'], rows: [], total: [v.total] }, i.label.zh);
  }
  if (!key2) {
    return reportTableWorkbook(
      {
        ...base,
        header: [axisName(i, key1), i.unit.zh],
        rows: v.rows.map((r) => [r.label ?? '（未填）', r.value]),
        total: ['合计', v.total],
      },
      i.label.zh,
    );
  }
  // Keyed by group (two units may share a name); the totals are the server's margins, not sums.
  const NONE = '\u0000';
  const colKeys = [...new Set(v.rows.map((r) => r.group2 ?? NONE))];
  const colLabel = new Map(v.rows.map((r) => [r.group2 ?? NONE, r.label2 ?? '（未填）']));
  const rowsBy = new Map<string, { label: string; cells: Map<string, number> }>();
  for (const r of v.rows) {
    const row = rowsBy.get(r.group ?? NONE) ?? { label: r.label ?? '（未填）', cells: new Map() };
    row.cells.set(r.group2 ?? NONE, (row.cells.get(r.group2 ?? NONE) ?? 0) + r.value);
    rowsBy.set(r.group ?? NONE, row);
  }
  const marginOf = (list: { group: string | null; value: number }[] | undefined, key: string) =>
    list?.find((m) => (m.group ?? NONE) === key)?.value ?? 0;
  const rows = [...rowsBy].map(([key, row]) => [
    row.label,
    ...colKeys.map((c) => row.cells.get(c) ?? 0),
    marginOf(v.margins?.group, key),
  ]);
  const cols = colKeys.map((c) => colLabel.get(c) ?? '（未填）');
  return reportTableWorkbook(
    {
      ...base,
      header: [`${axisName(i, key1)} \\ ${axisName(i, key2)}`, ...cols, '合计'],
      rows,
      total: ['合计', ...colKeys.map((c) => marginOf(v.margins?.group2, c)), v.total],
    },
    i.label.zh,
  );
};
