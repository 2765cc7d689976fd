import { SettingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site, SiteKind } from '../../../../contracts/org-ledgers';
import { CountStrip } from '../../../components/count-strip';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import type { LedgerFormMode } from '../../../components/ledger-form-drawer';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  type LedgerStatus,
} from '../../../components/ledger-page';
import { LedgerCreateToolbar } from '../../../components/ledger-toolbar';
import { formatDate } from '../../../lib/format';
import { useIndicatorValues } from '../../../lib/indicators';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { thisYear } from '../../../lib/this-year';
import { useListParams } from '../../../lib/use-list-params';
import { useSites } from '../api/list-sites';
import { SiteDetailDrawer } from '../components/site-detail-drawer';
import { SiteFormDrawer } from '../components/site-form-drawer';
import { SiteKindsDrawer } from '../components/site-kinds-drawer';
import { SitesTable } from '../components/sites-table';
import '../../../components/ledger.css';
import { siteKeys } from '../api/keys';
import { useSiteKindLabel, useSiteKindOptions } from '../api/site-kinds';

type Filters = { q?: string; kind?: SiteKind; status: LedgerStatus };

/** 阵地: service sites of the chosen scope, with counts by kind that filter the list. */
export const SitesPage = () => {
  const { t } = useTranslation();
  const kindLabel = useSiteKindLabel();
  const kindOptions = useSiteKindOptions();
  const { access } = useSession();
  const canSetKinds = access.canManageOrg && access.isRootUnit;
  const [kindsOpen, setKindsOpen] = useState(false);
  const { scopeId } = useOrgScope();
  const list = useListParams<Site>();
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<LedgerFormMode | null>(null);
  const year = useMemo(thisYear, []);
  const counts = useIndicatorValues('org.sites', { ...year, orgUnitId: scopeId, groupBy: 'kind' });

  const sites = useSites(filters.query);
  const open = (s: Site) => setDetailId(s.id);
  const empty = (
    <LedgerEmpty status={filters.values.status} isFiltered={filters.isFiltered} text={t('sites.empty')} />
  );

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.org.sites')}
        toolbar={
          <>
            {canSetKinds && (
              <Button
                icon={<SettingOutlined />}
                onClick={() => setKindsOpen(true)}
                data-testid="site-kinds-open"
              >
                {t('sites.kinds.button')}
              </Button>
            )}
            {access.can('org.write') && (
              <LedgerCreateToolbar
                createLabel={t('sites.create')}
                onCreate={() => setFormMode({ type: 'create' })}
                createTestId="site-create"
                io={{
                  ledgerBase: '/api/v1/org/sites',
                  ledgerName: '阵地',
                  invalidate: [siteKeys.all],
                  canImport: access.can('org.write'),
                  canExport: access.can('org.read'),
                  exportQuery: filters.exportQuery,
                  testIdPrefix: 'sites',
                }}
              />
            )}
          </>
        }
      />
      <CountStrip
        title={t('sites.countAll')}
        total={counts.data?.total}
        items={counts.data?.rows
          .filter((r) => r.group)
          .map((r) => ({
            key: r.group as string,
            // The server labels a kind by the county's list (its own kinds included).
            label: r.label || kindLabel(r.group),
            value: r.value,
          }))}
        isLoading={counts.isPending}
        isError={counts.isError}
        active={filters.values.kind}
        onPick={(kind) => filters.change({ kind: kind as SiteKind | undefined })}
        testId="sites-counts"
      />
      <LedgerFilters<Filters>
        idPrefix="sites"
        filters={filters}
        fields={[
          {
            kind: 'search',
            key: 'q',
            label: t('common.keyword'),
            placeholder: t('sites.searchPlaceholder'),
            width: 220,
          },
          {
            kind: 'select',
            key: 'kind',
            label: t('sites.field.kind'),
            width: 160,
            options: kindOptions,
          },
          { kind: 'status' },
        ]}
      />
      <LedgerResults<Site>
        query={sites}
        list={list}
        empty={empty}
        onOpen={open}
        cards={{
          title: (s) => s.name,
          extra: (s) => <span className="bbt-muted">{kindLabel(s.kind)}</span>,
          fields: (s) => [
            { key: 'unit', label: t('ledger.field.orgUnit'), children: s.orgUnitName },
            { key: 'opened', label: t('sites.field.openedOn'), children: formatDate(s.openedOn) || '—' },
            { key: 'contact', label: t('sites.field.contact'), children: s.contactName ?? '—' },
          ],
          testId: 'site-card',
        }}
        table={
          <SitesTable
            sites={sites.data?.items}
            isLoading={sites.isFetching}
            pagination={list.pagination(sites.data?.total)}
            onChange={list.onTableChange}
            onOpen={open}
            empty={empty}
          />
        }
      />
      {detailId && (
        <SiteDetailDrawer
          siteId={detailId}
          onClose={() => setDetailId(null)}
          onEdit={(id) => setFormMode({ type: 'edit', id })}
        />
      )}
      {formMode && <SiteFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
      {kindsOpen && <SiteKindsDrawer onClose={() => setKindsOpen(false)} />}
    </div>
  );
};
