import { Button, type TableProps, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grid } from '../../../../contracts/org-ledgers';
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
import { GridCoverage } from '../components/grid-coverage';
import { GridDetailDrawer } from '../components/grid-detail-drawer';
import { GridFormDrawer } from '../components/grid-form-drawer';
import '../../../components/ledger.css';
import { gridKeys } from '../api/keys';

type Filters = { q?: string; status: LedgerStatus };

/** 网格: grids of the chosen scope with their load, and a 覆盖情况 tab for gaps and overloads. */
export const GridsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<Grid>();
  const [tab, setTab] = useState('list');
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<LedgerFormMode | null>(null);
  const grids = useGrids(filters.query);
  const open = (g: Grid) => setDetailId(g.id);
  const empty = (
    <LedgerEmpty status={filters.values.status} isFiltered={filters.isFiltered} text={t('grids.empty')} />
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
      <LedgerFilters<Filters>
        idPrefix="grids"
        filters={filters}
        fields={[
          {
            kind: 'search',
            key: 'q',
            label: t('common.keyword'),
            placeholder: t('grids.searchPlaceholder'),
            width: 220,
          },
          { kind: 'status' },
        ]}
      />
      <LedgerResults<Grid>
        query={grids}
        list={list}
        empty={empty}
        onOpen={open}
        cards={{
          title: (g) => g.name,
          extra: (g) => <span className="bbt-muted">{g.orgUnitName}</span>,
          fields: (g) => [
            { key: 'member', label: t('grids.field.member'), children: g.memberName ?? t('grids.noMember') },
            {
              key: 'load',
              label: t('grids.field.load'),
              children: t('grids.load', { households: g.householdCount, persons: g.personCount }),
            },
          ],
          testId: 'grid-card',
        }}
        columns={columns}
        tableTestId="grids-table"
      />
    </>
  );

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.org.grids')}
        toolbar={
          access.can('org.write') && (
            <LedgerCreateToolbar
              createLabel={t('grids.create')}
              onCreate={() => setFormMode({ type: 'create' })}
              createTestId="grid-create"
              io={{
                ledgerBase: '/api/v1/org/grids',
                ledgerName: '网格',
                invalidate: [gridKeys.all],
                canImport: access.can('org.write'),
                canExport: access.can('org.read'),
                exportQuery: filters.exportQuery,
                testIdPrefix: 'grids',
              }}
            />
          )
        }
      />
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
          onEdit={(id) => setFormMode({ type: 'edit', id })}
        />
      )}
      {formMode && <GridFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
    </div>
  );
};
