import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Pivot } from '../lib/pivot';

type Row = { index: number; key: string | null; name: string; values: number[]; total: number };

type Props = {
  pivot: Pivot;
  /** Whether there is a second axis (columns); without it only the row totals are shown. */
  isCross: boolean;
  firstTitle: string;
  unit: string;
  total: number;
  onPick: (row: string | null, col: string | null | undefined) => void;
};

const Cell = ({ value, onClick, testId }: { value: number; onClick?: () => void; testId: string }) =>
  onClick ? (
    <Button type="link" className="bbt-stats-cell" onClick={onClick} data-testid={testId}>
      {value}
    </Button>
  ) : (
    <span data-testid={testId}>{value}</span>
  );

/** Figures by group (or a cross table); every non-empty figure opens the records behind it. */
export const StatsTable = ({ pivot, isCross, firstTitle, unit, total, onPick }: Props) => {
  const { t } = useTranslation();
  const data: Row[] = pivot.rows.map((r, i) => ({
    index: i,
    key: r.key,
    name: r.name,
    values: pivot.cells[i],
    total: pivot.rowTotals[i],
  }));
  const colTotals = pivot.colTotals;
  return (
    <Table<Row>
      size="middle"
      rowKey={(r) => String(r.index)}
      dataSource={data}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="stats-table"
      onRow={(r) =>
        ({ 'data-testid': 'stats-row', 'data-group': r.key ?? '' }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: firstTitle, dataIndex: 'name', fixed: 'left' },
        ...(isCross
          ? pivot.cols.map((c, j) => ({
              key: `c${j}`,
              title: c.name,
              align: 'right' as const,
              render: (_: unknown, r: Row) => (
                <Cell
                  value={r.values[j]}
                  onClick={r.values[j] > 0 && r.key && c.key ? () => onPick(r.key, c.key) : undefined}
                  testId="stats-cell"
                />
              ),
            }))
          : []),
        {
          key: 'total',
          title: isCross ? t('reports.stats.rowTotal') : t('reports.stats.valueWithUnit', { unit }),
          align: 'right' as const,
          render: (_: unknown, r: Row) => (
            <Cell
              value={r.total}
              onClick={r.total > 0 && r.key ? () => onPick(r.key, undefined) : undefined}
              testId="stats-value"
            />
          ),
        },
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('reports.stats.total')}</strong>
            </Table.Summary.Cell>
            {isCross &&
              colTotals.map((v, j) => (
                <Table.Summary.Cell index={j + 1} key={pivot.cols[j].key ?? `none${j}`} align="right">
                  {v}
                </Table.Summary.Cell>
              ))}
            <Table.Summary.Cell index={isCross ? colTotals.length + 1 : 1} align="right">
              <strong data-testid="stats-total">{total}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
};
