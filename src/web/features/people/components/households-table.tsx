import { Button, Table, type TablePaginationConfig, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../../contracts/people';

type Props = {
  households: Household[] | undefined;
  isLoading: boolean;
  pagination: TablePaginationConfig;
  onChange: TableProps<Household>['onChange'];
  onOpen: (h: Household) => void;
  empty: ReactNode;
};

const dash = <span className="bbt-muted">—</span>;

export const HouseholdsTable = ({ households, isLoading, pagination, onChange, onOpen, empty }: Props) => {
  const { t } = useTranslation();
  const columns: TableProps<Household>['columns'] = [
    {
      title: t('households.field.address'),
      dataIndex: 'address',
      sorter: true,
      render: (address: string, h) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(h);
          }}
        >
          {address}
        </Button>
      ),
    },
    {
      title: t('households.field.houseNumber'),
      dataIndex: 'houseNumber',
      sorter: true,
      render: (v: string | null) => v ?? dash,
    },
    { title: t('households.field.orgUnit'), dataIndex: 'orgUnitName' },
    {
      title: t('households.field.head'),
      dataIndex: 'headName',
      render: (v: string | null) => v ?? <span className="bbt-muted">{t('households.noHead')}</span>,
    },
    {
      title: t('households.field.memberCount'),
      dataIndex: 'memberCount',
      align: 'right',
      render: (n: number) => t('households.memberCount', { count: n }),
    },
  ];
  return (
    <Table<Household>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={households}
      loading={isLoading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      onChange={onChange}
      pagination={pagination}
      rowClassName={() => 'bbt-people-row'}
      onRow={(h) => ({ onClick: () => onOpen(h) })}
      data-testid="households-table"
    />
  );
};
