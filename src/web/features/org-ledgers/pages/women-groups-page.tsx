import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WomenGroup } from '../../../../contracts/org-ledgers';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  LedgerStatusFilter,
} from '../../../components/ledger-page';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useGrids } from '../api/list-grids';
import { useWomenGroups } from '../api/list-women-groups';
import { WomenGroupDetailDrawer } from '../components/women-group-detail-drawer';
import { WomenGroupFormDrawer, type WomenGroupFormMode } from '../components/women-group-form-drawer';
import '../../../components/ledger.css';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { womenGroupKeys } from '../api/keys';

/** 妇女小组: groups under the grids of the chosen scope. */
export const WomenGroupsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<WomenGroup>();
  const [q, setQ] = useState('');
  const [gridId, setGridId] = useState<string | undefined>();
  const [status, setStatus] = useState<'active' | 'deleted'>('active');
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<WomenGroupFormMode | null>(null);
  const grids = useGrids({ orgUnitId: scopeId, status: 'active', pageSize: 200, sort: 'name' });
  const groups = useWomenGroups({
    q: q || undefined,
    gridId,
    status,
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const villageOf = new Map((grids.data?.items ?? []).map((g) => [g.id, g.orgUnitName]));
  const open = (w: WomenGroup) => setDetailId(w.id);
  const empty = (
    <LedgerEmpty status={status} isFiltered={Boolean(q || gridId)} text={t('womenGroups.empty')} />
  );
  const dash = <span className="bbt-muted">—</span>;

  const columns: TableProps<WomenGroup>['columns'] = [
    {
      title: t('womenGroups.field.name'),
      dataIndex: 'name',
      sorter: true,
      render: (name: string, w) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={(e) => {
            e.stopPropagation();
            open(w);
          }}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('grids.field.village'),
      key: 'village',
      render: (_: unknown, w) => villageOf.get(w.gridId) ?? dash,
    },
    { title: t('womenGroups.field.grid'), dataIndex: 'gridName' },
    {
      title: t('womenGroups.field.leader'),
      dataIndex: 'leaderName',
      render: (v: string | null) => v ?? dash,
    },
    {
      title: t('teams.field.memberCount'),
      key: 'members',
      align: 'right',
      render: (_: unknown, w) => t('households.memberCount', { count: w.memberIds.length }),
    },
  ];

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.org.womenGroups')}
        toolbar={
          access.can('org.write') && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormMode({ type: 'create' })}
                data-testid="women-group-create"
              >
                {t('womenGroups.create')}
              </Button>
              <LedgerIoButtons
                ledgerBase="/api/v1/org/women-groups"
                ledgerName="妇女小组"
                invalidate={[womenGroupKeys.all]}
                canImport={access.can('org.write')}
                canExport={access.can('org.read')}
                exportQuery={{ orgUnitId: scopeId }}
                testIdPrefix="women-groups"
              />
            </>
          )
        }
      />
      <Form layout="inline" className="bbt-filters">
        <Form.Item label={t('common.keyword')} htmlFor="women-groups-filter-q">
          <Input.Search
            id="women-groups-filter-q"
            allowClear
            enterButton
            placeholder={t('womenGroups.searchPlaceholder')}
            style={{ minWidth: 200 }}
            onSearch={(v) => {
              setQ(v.trim());
              list.resetPage();
            }}
            data-testid="women-groups-q"
          />
        </Form.Item>
        <Form.Item label={t('womenGroups.field.grid')} htmlFor="women-groups-filter-grid">
          <Select
            id="women-groups-filter-grid"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.all')}
            style={{ minWidth: 200 }}
            value={gridId}
            onChange={(v: string | undefined) => {
              setGridId(v);
              list.resetPage();
            }}
            options={(grids.data?.items ?? []).map((g) => ({
              value: g.id,
              label: `${g.orgUnitName} · ${g.name}`,
            }))}
            data-testid="women-groups-grid"
          />
        </Form.Item>
        <LedgerStatusFilter
          idPrefix="women-groups"
          value={status}
          onChange={(v: 'active' | 'deleted') => {
            setStatus(v);
            list.resetPage();
          }}
        />
      </Form>
      <LedgerResults<WomenGroup>
        query={groups}
        list={list}
        empty={empty}
        onOpen={open}
        cards={{
          title: (w) => w.name,
          extra: (w) => (
            <span className="bbt-muted">{t('households.memberCount', { count: w.memberIds.length })}</span>
          ),
          fields: (w) => [
            {
              key: 'grid',
              label: t('womenGroups.field.grid'),
              children: [villageOf.get(w.gridId), w.gridName].filter(Boolean).join(' · '),
            },
            { key: 'leader', label: t('womenGroups.field.leader'), children: w.leaderName ?? '—' },
          ],
          testId: 'women-group-card',
        }}
        table={
          <Table<WomenGroup>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={groups.data?.items}
            loading={groups.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: empty }}
            onChange={list.onTableChange}
            pagination={list.pagination(groups.data?.total)}
            rowClassName={() => 'bbt-ledger-row'}
            onRow={(w) => ({ onClick: () => open(w) })}
            data-testid="women-groups-table"
          />
        }
      />
      {detailId && (
        <WomenGroupDetailDrawer
          groupId={detailId}
          onClose={() => setDetailId(null)}
          onEdit={(id) => setFormMode({ type: 'edit', groupId: id })}
        />
      )}
      {formMode && <WomenGroupFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
    </div>
  );
};
