import ExcelJS from 'exceljs';
import type { IndicatorValues } from '../../../contracts/indicators';
import { escapeCell } from '../io/xlsx-export';
import type { Indicator } from './registry';

const axisName = (i: Indicator, key: string | undefined) => {
  if (!key) return '';
  if (key === 'orgUnit' || key === 'orgUnit2') return '单位';
  return i.dimensions[key]?.label.zh ?? key;
};

/**
 * An upward-report table as a county expects it: a title row naming the statistic and period, the
 * producing federation and unit of measure, then the table (a cross table for two groupings) and a
 * total row.
 */
export const indicatorWorkbook = async (
  i: Indicator,
  v: IndicatorValues,
  meta: { unitName: string; groupBy?: string },
): Promise<Buffer> => {
  const [key1, key2] = (meta.groupBy ?? '').split(',').filter(Boolean);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(i.label.zh.slice(0, 31));
  const cols = key2 ? [...new Set(v.rows.map((r) => r.label2 ?? '（未填）'))] : [];
  const width = Math.max(2, 1 + (key2 ? cols.length + 1 : 1));
  ws.addRow([`${meta.unitName}${i.label.zh}统计表`]);
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow([`统计期间：${v.from} 至 ${v.to}`, '', `单位：${i.unit.zh}`]);
  ws.addRow([`制表单位：${escapeCell(meta.unitName)}`]);
  if (!key1) {
    ws.addRow(['合计']).font = { bold: true };
    ws.addRow([v.total]);
  } else if (!key2) {
    ws.addRow([axisName(i, key1), i.unit.zh]).font = { bold: true };
    for (const r of v.rows) ws.addRow([escapeCell(r.label ?? '（未填）'), r.value]);
    ws.addRow(['合计', v.total]).font = { bold: true };
  } else {
    ws.addRow([`${axisName(i, key1)} \\ ${axisName(i, key2)}`, ...cols, '合计']).font = { bold: true };
    const rowsBy = new Map<string, Map<string, number>>();
    for (const r of v.rows) {
      const row = rowsBy.get(r.label ?? '（未填）') ?? new Map<string, number>();
      row.set(r.label2 ?? '（未填）', (row.get(r.label2 ?? '（未填）') ?? 0) + r.value);
      rowsBy.set(r.label ?? '（未填）', row);
    }
    for (const [label, row] of rowsBy) {
      const values = cols.map((c) => row.get(c) ?? 0);
      ws.addRow([escapeCell(label), ...values, values.reduce((a, b) => a + b, 0)]);
    }
    ws.addRow([
      '合计',
      ...cols.map((c) =>
        v.rows.filter((r) => (r.label2 ?? '（未填）') === c).reduce((a, r) => a + r.value, 0),
      ),
      v.total,
    ]).font = { bold: true };
  }
  ws.columns.forEach((c, n) => {
    c.width = n === 0 ? 22 : 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
};
