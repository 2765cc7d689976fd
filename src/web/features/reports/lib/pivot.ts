import type { IndicatorValues } from '../../../../contracts/indicators';

export type Axis = { key: string | null; name: string };
export type Pivot = {
  rows: Axis[];
  cols: Axis[];
  /** `cells[row][col]`; 0 where nothing was counted. */
  cells: number[][];
  /**
   * Each row's and each column's total as the server computed them (`margins`): a distinct count
   * or a multi-valued dimension does not add up, so the cells are never summed here.
   */
  rowTotals: number[];
  colTotals: number[];
};

const NONE = '\u0000';

/** Indicator rows (group × group2) as a cross table, in the order the server sent them. */
export const pivotOf = (
  data: IndicatorValues,
  nameOf: (which: 1 | 2, key: string | null, label: string | null) => string,
): Pivot => {
  const rowIdx = new Map<string, number>();
  const colIdx = new Map<string, number>();
  const rows: Axis[] = [];
  const cols: Axis[] = [];
  for (const r of data.rows) {
    const rk = r.group ?? NONE;
    if (!rowIdx.has(rk)) {
      rowIdx.set(rk, rows.length);
      rows.push({ key: r.group, name: nameOf(1, r.group, r.label) });
    }
    const ck = r.group2 ?? NONE;
    if (!colIdx.has(ck)) {
      colIdx.set(ck, cols.length);
      cols.push({ key: r.group2 ?? null, name: nameOf(2, r.group2 ?? null, r.label2 ?? null) });
    }
  }
  const cells = rows.map(() => cols.map(() => 0));
  for (const r of data.rows) {
    const i = rowIdx.get(r.group ?? NONE) as number;
    const j = colIdx.get(r.group2 ?? NONE) as number;
    cells[i][j] += r.value;
  }
  // One axis: a row's only cell is its total. Two: the server's margins.
  const margin = (list: { group: string | null; value: number }[] | undefined, axis: Axis[]) => {
    const byKey = new Map((list ?? []).map((m) => [m.group ?? NONE, m.value]));
    return axis.map((a) => byKey.get(a.key ?? NONE) ?? 0);
  };
  return {
    rows,
    cols,
    cells,
    rowTotals: data.margins ? margin(data.margins.group, rows) : cells.map((c) => c[0] ?? 0),
    colTotals: data.margins ? margin(data.margins.group2, cols) : [data.total],
  };
};

/**
 * Every unit directly below the scope gets a row, zeros included (the indicator only returns
 * units with something counted; a county wants to see the town that did nothing too).
 */
export const withZeroRows = (pivot: Pivot, units: { id: string; name: string }[]): Pivot => {
  const have = new Set(pivot.rows.map((r) => r.key));
  const missing = units.filter((u) => !have.has(u.id));
  if (missing.length === 0) return pivot;
  return {
    rows: [...pivot.rows, ...missing.map((u) => ({ key: u.id, name: u.name }))],
    cols: pivot.cols,
    cells: [...pivot.cells, ...missing.map(() => pivot.cols.map(() => 0))],
    rowTotals: [...pivot.rowTotals, ...missing.map(() => 0)],
    colTotals: pivot.colTotals,
  };
};
