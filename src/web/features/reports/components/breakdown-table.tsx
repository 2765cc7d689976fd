import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FigureValue } from '../../../../contracts/reports';

export type BreakdownRow = { orgUnitId: string; orgUnitName: string; cells: FigureValue[] };

type Props = {
  columns: { id: string; label: string; unit: string }[];
  rows: BreakdownRow[];
  total: FigureValue[];
  firstTitle: string;
  onOpen: (title: string, f: FigureValue) => void;
  /** The unit the table is for: with no units below it (a village) its own figures are its one row. */
  self?: { id: string; name: string };
  testId?: string;
};

/** Units × figures with a 合计 row; every non-zero number opens its records. */
export const BreakdownTable = ({ columns, rows, total, firstTitle, onOpen, self, testId }: Props) => {
  const { t } = useTranslation();
  // Not 暂无数据 above a 合计 that has figures: the unit's own row.
  const shown =
    rows.length === 0 && self ? [{ orgUnitId: self.id, orgUnitName: self.name, cells: total }] : rows;
  const cell = (f: FigureValue | undefined, title: string, id: string) =>
    !f ? (
      '—'
    ) : f.value > 0 ? (
      <Button type="link" className="bbt-stats-cell" onClick={() => onOpen(title, f)} data-testid={id}>
        {f.value}
      </Button>
    ) : (
      <span className="bbt-muted" data-testid={id}>
        0
      </span>
    );
  return (
    <Table<BreakdownRow>
      size="small"
      rowKey="orgUnitId"
      dataSource={shown}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      onRow={(r) =>
        ({ 'data-testid': 'report-row', 'data-unit': r.orgUnitName }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: firstTitle, dataIndex: 'orgUnitName', fixed: 'left', width: 120 },
        ...columns.map((c, j) => ({
          key: c.id,
          title: c.unit ? t('reports.dashboard.labelUnit', { label: c.label, unit: c.unit }) : c.label,
          align: 'right' as const,
          render: (_: unknown, r: BreakdownRow) =>
            cell(r.cells[j], `${r.orgUnitName} · ${c.label}`, 'report-cell'),
        })),
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row data-testid="report-total-row">
            <Table.Summary.Cell index={0}>
              <strong>{t('reports.stats.total')}</strong>
            </Table.Summary.Cell>
            {columns.map((c, j) => (
              <Table.Summary.Cell index={j + 1} key={c.id} align="right">
                <strong>{cell(total[j], `${t('reports.stats.total')} · ${c.label}`, 'report-total')}</strong>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
};
