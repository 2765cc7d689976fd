import { Button, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WomenGroup } from '../../../../contracts/org-ledgers';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import type { LedgerFormMode } from '../../../components/ledger-form-drawer';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  type LedgerStatus,
} from '../../../components/ledger-page';
import { LedgerCreateToolbar } from '../../../components/ledger-toolbar';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useGrids } from '../api/list-grids';
import { useWomenGroups } from '../api/list-women-groups';
import { WomenGroupDetailDrawer } from '../components/women-group-detail-drawer';
import { WomenGroupFormDrawer } from '../components/women-group-form-drawer';
import '../../../components/ledger.css';
import { womenGroupKeys } from '../api/keys';

type Filters = { q?: string; gridId?: string; status: LedgerStatus };

/** 妇女小组: groups under the grids of the chosen scope. */
export const WomenGroupsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<WomenGroup>();
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<LedgerFormMode | null>(null);
  const grids = useGrids({ orgUnitId: scopeId, status: 'active', pageSize: 200, sort: 'name' });
  const groups = useWomenGroups(filters.query);
  const villageOf = new Map((grids.data?.items ?? []).map((g) => [g.id, g.orgUnitName]));
  const open = (w: WomenGroup) => setDetailId(w.id);
  const empty = (
    <LedgerEmpty
      status={filters.values.status}
      isFiltered={filters.isFiltered}
      text={t('womenGroups.empty')}
    />
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
            <LedgerCreateToolbar
              createLabel={t('womenGroups.create')}
              onCreate={() => setFormMode({ type: 'create' })}
              createTestId="women-group-create"
              io={{
                ledgerBase: '/api/v1/org/women-groups',
                ledgerName: '妇女小组',
                invalidate: [womenGroupKeys.all],
                canImport: access.can('org.write'),
                canExport: access.can('org.read'),
                exportQuery: filters.exportQuery,
                testIdPrefix: 'women-groups',
              }}
            />
          )
        }
      />
      <LedgerFilters<Filters>
        idPrefix="women-groups"
        filters={filters}
        fields={[
          {
            kind: 'search',
            key: 'q',
            label: t('common.keyword'),
            placeholder: t('womenGroups.searchPlaceholder'),
          },
          {
            kind: 'select',
            key: 'gridId',
            label: t('womenGroups.field.grid'),
            testId: 'women-groups-grid',
            width: 200,
            isSearchable: true,
            options: (grids.data?.items ?? []).map((g) => ({
              value: g.id,
              label: `${g.orgUnitName} · ${g.name}`,
            })),
          },
          { kind: 'status' },
        ]}
      />
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
        columns={columns}
        tableTestId="women-groups-table"
      />
      {detailId && (
        <WomenGroupDetailDrawer
          groupId={detailId}
          onClose={() => setDetailId(null)}
          onEdit={(id) => setFormMode({ type: 'edit', id })}
        />
      )}
      {formMode && <WomenGroupFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
    </div>
  );
};
