import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table, type TableProps, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grid } from '../../../../contracts/org-ledgers';
import { EmptyState, PageError } from '../../../components/page-states';
import { RecordCards } from '../../../components/record-cards';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useSession } from '../../../lib/session';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useListParams } from '../../../lib/use-list-params';
import { useGrids } from '../api/list-grids';
import { GridCoverage } from '../components/grid-coverage';
import { GridDetailDrawer } from '../components/grid-detail-drawer';
import { GridFormDrawer, type GridFormMode } from '../components/grid-form-drawer';
import '../../../components/ledger.css';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { gridKeys } from '../api/keys';

type Status = 'active' | 'deleted';

/** 网格: grids of the chosen scope with their load, and a 覆盖情况 tab for gaps and overloads. */
export const GridsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const isPhone = useIsPhone();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const list = useListParams<Grid>();
  const [tab, setTab] = useState('list');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<GridFormMode | null>(null);
  const grids = useGrids({
    q: q || undefined,
    status,
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const scopeName = tree.data?.find((n) => n.id === scopeId)?.name ?? '';
  const open = (g: Grid) => setDetailId(g.id);
  const empty = (
    <EmptyState
      description={
        status === 'deleted' ? t('ledger.emptyDeleted') : q ? t('ledger.emptyFiltered') : t('grids.empty')
      }
    />
  );
  const noMember = <span className="bbt-muted">{t('grids.noMember')}</span>;

  const columns: TableProps<Grid>['columns'] = [
    {
      title: t('grids.field.name'),
      dataIndex: 'name',
      sorter: true,
      render: (name: string, g) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={(e) => {
            e.stopPropagation();
            open(g);
          }}
        >
          {name}
        </Button>
      ),
    },
    { title: t('grids.field.village'), dataIndex: 'orgUnitName' },
    { title: t('grids.field.member'), dataIndex: 'memberName', render: (v: string | null) => v ?? noMember },
    { title: t('grids.field.householdCount'), dataIndex: 'householdCount', align: 'right' },
    { title: t('grids.field.personCount'), dataIndex: 'personCount', align: 'right' },
  ];

  const listView = (
    <>
      <Form layout="inline" className="bbt-filters">
        <Form.Item label={t('common.keyword')} htmlFor="grids-filter-q">
          <Input.Search
            id="grids-filter-q"
            allowClear
            enterButton
            placeholder={t('grids.searchPlaceholder')}
            style={{ minWidth: 220 }}
            onSearch={(v) => {
              setQ(v.trim());
              list.resetPage();
            }}
            data-testid="grids-q"
          />
        </Form.Item>
        <Form.Item label={t('people.field.status')} htmlFor="grids-filter-status">
          <Select
            id="grids-filter-status"
            style={{ minWidth: 100 }}
            value={status}
            onChange={(v: Status) => {
              setStatus(v);
              list.resetPage();
            }}
            options={[
              { value: 'active', label: t('ledger.status.active') },
              { value: 'deleted', label: t('people.status.deleted') },
            ]}
            data-testid="grids-status"
          />
        </Form.Item>
      </Form>
      {grids.isError ? (
        <PageError error={grids.error} onRetry={() => void grids.refetch()} />
      ) : isPhone ? (
        <RecordCards<Grid>
          items={grids.data?.items}
          isLoading={grids.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          total={grids.data?.total ?? 0}
          onPageChange={list.setPage}
          onOpen={open}
          empty={empty}
          title={(g) => g.name}
          extra={(g) => <span className="bbt-muted">{g.orgUnitName}</span>}
          fields={(g) => [
            { key: 'member', label: t('grids.field.member'), children: g.memberName ?? t('grids.noMember') },
            {
              key: 'load',
              label: t('grids.field.load'),
              children: t('grids.load', { households: g.householdCount, persons: g.personCount }),
            },
          ]}
          testId="grid-card"
        />
      ) : (
        <Table<Grid>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={grids.data?.items}
          loading={grids.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          onChange={list.onTableChange}
          pagination={list.pagination(grids.data?.total)}
          rowClassName={() => 'bbt-ledger-row'}
          onRow={(g) => ({ onClick: () => open(g) })}
          data-testid="grids-table"
        />
      )}
    </>
  );

  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.org.grids')}</h1>
          {scopeName && (
            <Typography.Text type="secondary">{t('common.scopeNote', { name: scopeName })}</Typography.Text>
          )}
        </div>
        {access.can('org.write') && (
          <div className="bbt-ledger-toolbar">
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormMode({ type: 'create' })}
              data-testid="grid-create"
            >
              {t('grids.create')}
            </Button>
            <LedgerIoButtons
              ledgerBase="/api/v1/org/grids"
              ledgerName="网格"
              invalidate={[gridKeys.all]}
              canImport={access.can('org.write')}
              canExport={access.can('org.read')}
              exportQuery={{ orgUnitId: scopeId }}
              testIdPrefix="grids"
            />
          </div>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: t('grids.tab.list'), children: listView },
          {
            key: 'coverage',
            label: <span data-testid="grids-tab-coverage">{t('grids.tab.coverage')}</span>,
            children: tab === 'coverage' ? <GridCoverage orgUnitId={scopeId} /> : null,
          },
        ]}
      />
      {detailId && (
        <GridDetailDrawer
          gridId={detailId}
          onClose={() => setDetailId(null)}
          onEdit={(id) => setFormMode({ type: 'edit', gridId: id })}
        />
      )}
      {formMode && <GridFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
    </div>
  );
};
