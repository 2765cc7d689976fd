import { Button, Table, type TablePaginationConfig, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../../contracts/org-ledgers';
import { formatDate } from '../../../lib/format';
import { useSiteKindLabel } from '../api/site-kinds';

type Props = {
  sites: Site[] | undefined;
  isLoading: boolean;
  pagination: TablePaginationConfig;
  onChange: TableProps<Site>['onChange'];
  onOpen: (s: Site) => void;
  empty: ReactNode;
};

const dash = <span className="bbt-muted">—</span>;

export const SitesTable = ({ sites, isLoading, pagination, onChange, onOpen, empty }: Props) => {
  const { t } = useTranslation();
  const kindLabel = useSiteKindLabel();
  const columns: TableProps<Site>['columns'] = [
    {
      title: t('sites.field.name'),
      dataIndex: 'name',
      sorter: true,
      render: (name: string, s) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(s);
          }}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('sites.field.kind'),
      dataIndex: 'kind',
      sorter: true,
      render: (k: Site['kind']) => kindLabel(k),
    },
    { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
    { title: t('sites.field.address'), dataIndex: 'address', render: (v: string | null) => v ?? dash },
    {
      title: t('sites.field.openedOn'),
      dataIndex: 'openedOn',
      sorter: true,
      render: (v: string | null) => formatDate(v) || dash,
    },
    { title: t('sites.field.contact'), dataIndex: 'contactName', render: (v: string | null) => v ?? dash },
  ];
  return (
    <Table<Site>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={sites}
      loading={isLoading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      onChange={onChange}
      pagination={pagination}
      rowClassName={() => 'bbt-ledger-row'}
      onRow={(s) => ({ onClick: () => onOpen(s) })}
      data-testid="sites-table"
    />
  );
};
