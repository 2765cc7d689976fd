import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Election } from '../../../../contracts/org-ledgers';
import { EmptyState, PageError } from '../../../components/page-states';
import { RecordCards } from '../../../components/record-cards';
import { formatDate } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useSession } from '../../../lib/session';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useListParams } from '../../../lib/use-list-params';
import { useElections } from '../api/list-elections';
import { ElectionDetailDrawer } from '../components/election-detail-drawer';
import { ElectionFormDrawer } from '../components/election-form-drawer';
import '../../../components/ledger.css';

const namesOf = (e: Election, role: Election['elected'][number]['role']) =>
  e.elected
    .filter((p) => p.role === role)
    .map((p) => p.name)
    .join('、');

/** 换届: the history of elections in the chosen scope; 登记换届 records a new one. */
export const ElectionsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const isPhone = useIsPhone();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const list = useListParams<Election>();
  const [detailId, setDetailId] = useState<string | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const elections = useElections({ orgUnitId: scopeId, page: list.page, pageSize: list.pageSize });
  const scopeName = tree.data?.find((n) => n.id === scopeId)?.name ?? '';
  const open = (e: Election) => setDetailId(e.id);
  const empty = <EmptyState description={t('elections.empty')} />;
  const dash = <span className="bbt-muted">—</span>;

  const columns: TableProps<Election>['columns'] = [
    {
      title: t('elections.field.heldOn'),
      dataIndex: 'heldOn',
      render: (v: string, e) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={(ev) => {
            ev.stopPropagation();
            open(e);
          }}
        >
          {formatDate(v)}
        </Button>
      ),
    },
    { title: t('elections.field.orgUnit'), dataIndex: 'orgUnitName' },
    {
      title: t('elections.field.chair'),
      key: 'chair',
      render: (_: unknown, e) => namesOf(e, 'chair') || dash,
    },
    {
      title: t('elections.field.viceChairs'),
      key: 'vice',
      render: (_: unknown, e) => namesOf(e, 'viceChair') || dash,
    },
    {
      title: t('elections.field.executiveCount'),
      key: 'members',
      align: 'right',
      render: (_: unknown, e) => e.elected.filter((p) => p.role === 'executiveMember').length,
    },
    {
      title: t('elections.field.termYears'),
      dataIndex: 'termYears',
      render: (n: number) => t('elections.years', { count: n }),
    },
  ];

  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.org.elections')}</h1>
          {scopeName && (
            <Typography.Text type="secondary">{t('common.scopeNote', { name: scopeName })}</Typography.Text>
          )}
        </div>
        {access.can('org.write') && (
          <div className="bbt-ledger-toolbar">
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIsFormOpen(true)}
              data-testid="election-create"
            >
              {t('elections.create')}
            </Button>
          </div>
        )}
      </div>
      {elections.isError ? (
        <PageError error={elections.error} onRetry={() => void elections.refetch()} />
      ) : isPhone ? (
        <RecordCards<Election>
          items={elections.data?.items}
          isLoading={elections.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          total={elections.data?.total ?? 0}
          onPageChange={list.setPage}
          onOpen={open}
          empty={empty}
          title={(e) => e.orgUnitName}
          extra={(e) => <span className="bbt-muted">{formatDate(e.heldOn)}</span>}
          fields={(e) => [
            { key: 'chair', label: t('elections.field.chair'), children: namesOf(e, 'chair') || '—' },
            { key: 'vice', label: t('elections.field.viceChairs'), children: namesOf(e, 'viceChair') || '—' },
            {
              key: 'term',
              label: t('elections.field.termYears'),
              children: t('elections.years', { count: e.termYears }),
            },
          ]}
          testId="election-card"
        />
      ) : (
        <Table<Election>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={elections.data?.items}
          loading={elections.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          onChange={list.onTableChange}
          pagination={list.pagination(elections.data?.total)}
          rowClassName={() => 'bbt-ledger-row'}
          onRow={(e) => ({ onClick: () => open(e) })}
          data-testid="elections-table"
        />
      )}
      {detailId && <ElectionDetailDrawer electionId={detailId} onClose={() => setDetailId(null)} />}
      {isFormOpen && <ElectionFormDrawer onClose={() => setIsFormOpen(false)} />}
    </div>
  );
};
