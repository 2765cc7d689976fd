import { Button, Table, type TablePaginationConfig, type TableProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { personRoleLabels, type RoleTerm } from '../../../../contracts/people-roles';
import { formatDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { isServing } from './role-term-detail-drawer';

type Props = {
  terms: RoleTerm[] | undefined;
  isLoading: boolean;
  pagination: TablePaginationConfig;
  onChange: TableProps<RoleTerm>['onChange'];
  onOpen: (r: RoleTerm) => void;
  empty: ReactNode;
};

export const RoleTermsTable = ({ terms, isLoading, pagination, onChange, onOpen, empty }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const columns: TableProps<RoleTerm>['columns'] = [
    {
      title: t('roles.field.person'),
      dataIndex: 'name',
      sorter: true,
      render: (_: unknown, r) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(r);
          }}
        >
          {r.personName}
        </Button>
      ),
    },
    {
      title: t('roles.field.role'),
      dataIndex: 'role',
      render: (v: RoleTerm['role']) => label(personRoleLabels, v),
    },
    { title: t('roles.field.orgUnit'), dataIndex: 'orgUnitName' },
    { title: t('roles.field.startedOn'), dataIndex: 'startedOn', sorter: true, render: formatDate },
    {
      title: t('roles.field.endedOn'),
      dataIndex: 'endedOn',
      render: (v: string | null) => formatDate(v) || <span className="bbt-muted">—</span>,
    },
    {
      title: t('roles.field.state'),
      key: 'state',
      render: (_: unknown, r) =>
        isServing(r) ? <Tag color="green">{t('roles.serving')}</Tag> : <Tag>{t('roles.ended')}</Tag>,
    },
  ];
  return (
    <Table<RoleTerm>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={terms}
      loading={isLoading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      onChange={onChange}
      pagination={pagination}
      rowClassName={() => 'bbt-ledger-row'}
      onRow={(r) => ({ onClick: () => onOpen(r) })}
      data-testid="role-terms-table"
    />
  );
};
