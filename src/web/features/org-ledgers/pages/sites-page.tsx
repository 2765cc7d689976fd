import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Site, type SiteKind, siteKindLabels, siteKinds } from '../../../../contracts/org-ledgers';
import { CountStrip } from '../../../components/count-strip';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  LedgerStatusFilter,
} from '../../../components/ledger-page';
import { formatDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { thisYear } from '../../../lib/this-year';
import { useListParams } from '../../../lib/use-list-params';
import { useIndicatorValues } from '../api/get-indicator-values';
import { useSites } from '../api/list-sites';
import { SiteDetailDrawer } from '../components/site-detail-drawer';
import { SiteFormDrawer, type SiteFormMode } from '../components/site-form-drawer';
import { SitesTable } from '../components/sites-table';
import '../../../components/ledger.css';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { siteKeys } from '../api/keys';

type Status = 'active' | 'deleted';

/** 阵地: service sites of the chosen scope, with counts by kind that filter the list. */
export const SitesPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<Site>();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<SiteKind | undefined>();
  const [status, setStatus] = useState<Status>('active');
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<SiteFormMode | null>(null);
  const year = useMemo(thisYear, []);
  const counts = useIndicatorValues('org.sites', { ...year, orgUnitId: scopeId, groupBy: 'kind' });

  const sites = useSites({
    q: q || undefined,
    kind,
    status,
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const open = (s: Site) => setDetailId(s.id);
  const pickKind = (k: string | undefined) => {
    setKind(k as SiteKind | undefined);
    list.resetPage();
  };
  const empty = <LedgerEmpty status={status} isFiltered={Boolean(q || kind)} text={t('sites.empty')} />;

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.org.sites')}
        toolbar={
          access.can('org.write') && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormMode({ type: 'create' })}
                data-testid="site-create"
              >
                {t('sites.create')}
              </Button>
              <LedgerIoButtons
                ledgerBase="/api/v1/org/sites"
                ledgerName="阵地"
                invalidate={[siteKeys.all]}
                canImport={access.can('org.write')}
                canExport={access.can('org.read')}
                exportQuery={{ orgUnitId: scopeId }}
                testIdPrefix="sites"
              />
            </>
          )
        }
      />
      <CountStrip
        title={t('sites.countAll')}
        total={counts.data?.total}
        items={counts.data?.rows
          .filter((r) => r.group)
          .map((r) => ({
            key: r.group as string,
            label: label(siteKindLabels, r.group) || r.label || '',
            value: r.value,
          }))}
        isLoading={counts.isPending}
        isError={counts.isError}
        active={kind}
        onPick={pickKind}
        testId="sites-counts"
      />
      <Form layout="inline" className="bbt-filters">
        <Form.Item label={t('common.keyword')} htmlFor="sites-filter-q">
          <Input.Search
            id="sites-filter-q"
            allowClear
            enterButton
            placeholder={t('sites.searchPlaceholder')}
            style={{ minWidth: 220 }}
            onSearch={(v) => {
              setQ(v.trim());
              list.resetPage();
            }}
            data-testid="sites-q"
          />
        </Form.Item>
        <Form.Item label={t('sites.field.kind')} htmlFor="sites-filter-kind">
          <Select
            id="sites-filter-kind"
            allowClear
            placeholder={t('common.all')}
            style={{ minWidth: 160 }}
            value={kind}
            onChange={(v: SiteKind | undefined) => pickKind(v)}
            options={siteKinds.map((k) => ({ value: k, label: label(siteKindLabels, k) }))}
            data-testid="sites-kind"
          />
        </Form.Item>
        <LedgerStatusFilter
          idPrefix="sites"
          value={status}
          onChange={(v) => {
            setStatus(v);
            list.resetPage();
          }}
        />
      </Form>
      <LedgerResults<Site>
        query={sites}
        list={list}
        empty={empty}
        onOpen={open}
        cards={{
          title: (s) => s.name,
          extra: (s) => <span className="bbt-muted">{label(siteKindLabels, s.kind)}</span>,
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
          onEdit={(id) => setFormMode({ type: 'edit', siteId: id })}
        />
      )}
      {formMode && <SiteFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
    </div>
  );
};
