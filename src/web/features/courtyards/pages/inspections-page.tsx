import { FormOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type Inspection, inspectionKindLabels } from '../../../../contracts/courtyards';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { EmptyState, PageError } from '../../../components/page-states';
import { RecordCards } from '../../../components/record-cards';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useListParams } from '../../../lib/use-list-params';
import { courtyardWriteKeys } from '../api/keys';
import { inspectionsExportQuery, inspectionsLedgerBase, useInspections } from '../api/list-inspections';
import { InspectionDetailDrawer } from '../components/inspection-detail-drawer';
import { InspectionEditDrawer } from '../components/inspection-edit-drawer';
import { InspectionFilters, type InspectionFilterValues } from '../components/inspection-filters';
import { RatingTag } from '../components/rating-tag';
import { thisMonth } from '../lib/month';
import '../../../components/ledger.css';
import '../lib/courtyards.css';

const who = (a: Inspection) => (a.headName ? `${a.headName} · ${a.householdLabel}` : a.householdLabel);

/** 评分台账: every inspection of the scope, filtered; `?inspectionId=` opens one. */
export const InspectionsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const isPhone = useIsPhone();
  const { scopeId } = useOrgScope();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<Inspection>({ sort: '-inspectedOn' });
  const [filters, setFilters] = useState<InspectionFilterValues>(() => ({
    status: 'active',
    month: search.get('month') ?? thisMonth(),
  }));
  const [editId, setEditId] = useState<string | null>(null);
  const detailId = search.get('inspectionId');
  const params = {
    ...filters,
    orgUnitId: filters.orgUnitId ?? scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  };
  const inspections = useInspections(params);
  const change = (patch: Partial<InspectionFilterValues>) => {
    setFilters((f) => ({ ...f, ...patch }));
    list.resetPage();
  };
  const openDetail = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('inspectionId', id);
      else next.delete('inspectionId');
      return next;
    });
  const isFiltered = Boolean(
    filters.kind || filters.groupId || filters.rating || filters.q || filters.orgUnitId,
  );
  const empty = (
    <EmptyState
      description={
        filters.status === 'deleted'
          ? t('ledger.emptyDeleted')
          : isFiltered
            ? t('ledger.emptyFiltered')
            : t('courtyards.inspection.empty')
      }
    />
  );

  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.courtyards.inspections')}</h1>
          <Typography.Text type="secondary">{t('courtyards.inspection.hint')}</Typography.Text>
        </div>
        <div className="bbt-ledger-toolbar">
          {access.can('courtyards.write') && (
            <Link to="/courtyards/score">
              <Button type="primary" icon={<FormOutlined />} data-testid="inspections-score">
                {t('menu.courtyards.score')}
              </Button>
            </Link>
          )}
          <LedgerIoButtons
            ledgerBase={inspectionsLedgerBase}
            ledgerName={t('menu.courtyards.inspections')}
            invalidate={[...courtyardWriteKeys]}
            canImport={access.can('courtyards.import')}
            canExport={access.can('courtyards.export')}
            exportQuery={inspectionsExportQuery(params)}
            testIdPrefix="inspections"
          />
        </div>
      </div>
      <InspectionFilters value={filters} onChange={change} />
      {inspections.isError ? (
        <PageError error={inspections.error} onRetry={() => void inspections.refetch()} />
      ) : isPhone ? (
        <RecordCards<Inspection>
          items={inspections.data?.items}
          isLoading={inspections.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          total={inspections.data?.total ?? 0}
          onPageChange={list.setPage}
          onOpen={(a) => openDetail(a.id)}
          empty={empty}
          title={who}
          extra={(a) => <RatingTag rating={a.rating} isVeto={a.isVeto} />}
          fields={(a) => [
            { key: 'date', label: t('courtyards.field.inspectedOn'), children: a.inspectedOn },
            { key: 'unit', label: t('courtyards.field.village'), children: a.orgUnitName },
            {
              key: 'score',
              label: t('courtyards.field.totalScore'),
              children: `${a.totalScore}（${label(inspectionKindLabels, a.kind)}）`,
            },
          ]}
          testId="inspection-card"
        />
      ) : (
        <Table<Inspection>
          rowKey="id"
          size="middle"
          loading={inspections.isFetching}
          dataSource={inspections.data?.items}
          pagination={list.pagination(inspections.data?.total)}
          onChange={list.onTableChange}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          rowClassName={() => 'bbt-ledger-row'}
          onRow={(a) =>
            ({
              onClick: () => openDetail(a.id),
              'data-testid': 'inspection-row',
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('courtyards.field.inspectedOn'), dataIndex: 'inspectedOn', sorter: true, width: 120 },
            { title: t('courtyards.field.household'), key: 'who', render: (_: unknown, a) => who(a) },
            { title: t('courtyards.field.village'), dataIndex: 'orgUnitName' },
            {
              title: t('courtyards.field.kind'),
              dataIndex: 'kind',
              render: (k: Inspection['kind']) => <Tag>{label(inspectionKindLabels, k)}</Tag>,
            },
            {
              title: t('courtyards.field.group'),
              dataIndex: 'groupName',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('courtyards.field.totalScore'),
              dataIndex: 'totalScore',
              sorter: true,
              align: 'right',
            },
            {
              title: t('courtyards.field.rating'),
              key: 'rating',
              render: (_: unknown, a) => <RatingTag rating={a.rating} isVeto={a.isVeto} />,
            },
            {
              title: t('courtyards.field.deductions'),
              dataIndex: 'deductions',
              align: 'right',
              render: (d: Inspection['deductions']) => d.length || '—',
            },
            {
              title: t('menu.courtyards.rectifications'),
              dataIndex: 'rectificationIds',
              align: 'right',
              render: (ids: string[]) => ids.length || '—',
            },
            {
              title: t('courtyards.field.photos'),
              dataIndex: 'photoIds',
              align: 'right',
              render: (ids: string[]) => ids.length || '—',
            },
          ]}
        />
      )}
      {detailId && (
        <InspectionDetailDrawer inspectionId={detailId} onClose={() => openDetail(null)} onEdit={setEditId} />
      )}
      {editId && <InspectionEditDrawer inspectionId={editId} onClose={() => setEditId(null)} />}
    </div>
  );
};
