import { FormOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type Inspection,
  inspectionKindLabels,
  inspectionKinds,
  type ListInspectionsQuery,
  noRatingLabel,
  ratingLabels,
  ratingLevels,
} from '../../../../contracts/courtyards';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { courtyardWriteKeys } from '../api/keys';
import { useGroups } from '../api/list-groups';
import { inspectionsExportQuery, inspectionsLedgerBase, useInspections } from '../api/list-inspections';
import { InspectionDetailDrawer } from '../components/inspection-detail-drawer';
import { InspectionEditDrawer } from '../components/inspection-edit-drawer';
import { RatingTag } from '../components/rating-tag';
import { thisMonth } from '../lib/month';
import '../../../components/ledger.css';
import '../lib/courtyards.css';

type Filters = Pick<
  Partial<ListInspectionsQuery>,
  'orgUnitId' | 'month' | 'kind' | 'groupId' | 'rating' | 'q'
> &
  Pick<ListInspectionsQuery, 'status'>;

const who = (a: Inspection) => (a.headName ? `${a.headName} · ${a.householdLabel}` : a.householdLabel);

/** 评分台账: every inspection of the scope, filtered; `?inspectionId=` opens one. */
export const InspectionsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<Inspection>({ sort: '-inspectedOn' });
  const filters = useLedgerFilters<Filters>(
    { status: 'active', month: thisMonth() },
    { list, urlKeys: ['month'] },
  );
  const groups = useGroups({ pageSize: 200, status: 'active' });
  const [editId, setEditId] = useState<string | null>(null);
  const detailId = search.get('inspectionId');
  const params = filters.query;
  const inspections = useInspections(params);
  const openDetail = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('inspectionId', id);
      else next.delete('inspectionId');
      return next;
    });
  const empty = (
    <LedgerEmpty
      status={filters.values.status}
      isFiltered={filters.isFiltered}
      text={t('courtyards.inspection.empty')}
    />
  );

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.courtyards.inspections')}
        hint={t('courtyards.inspection.hint')}
        toolbar={
          <>
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
          </>
        }
      />
      <LedgerFilters<Filters>
        idPrefix="inspections"
        variant="compact"
        filters={filters}
        testId="inspection-filters"
        fields={[
          { kind: 'unit', key: 'orgUnitId', label: t('courtyards.filter.village') },
          { kind: 'month', key: 'month', label: t('courtyards.field.month') },
          {
            kind: 'select',
            key: 'kind',
            label: t('courtyards.field.kind'),
            options: inspectionKinds.map((k) => ({ value: k, label: label(inspectionKindLabels, k) })),
          },
          {
            kind: 'select',
            key: 'groupId',
            label: t('courtyards.field.group'),
            isSearchable: true,
            options: (groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name })),
          },
          {
            kind: 'select',
            key: 'rating',
            label: t('courtyards.field.rating'),
            options: [
              ...ratingLevels.map((r) => ({ value: r, label: label(ratingLabels, r) })),
              { value: 'none' as const, label: label({ none: noRatingLabel }, 'none') },
            ],
          },
          { kind: 'search', key: 'q', label: t('courtyards.pick.placeholder') },
          { kind: 'status' },
        ]}
      />
      <LedgerResults<Inspection>
        query={inspections}
        list={list}
        empty={empty}
        onOpen={(a) => openDetail(a.id)}
        cards={{
          title: who,
          extra: (a) => <RatingTag rating={a.rating} isVeto={a.isVeto} />,
          fields: (a) => [
            { key: 'date', label: t('courtyards.field.inspectedOn'), children: a.inspectedOn },
            { key: 'unit', label: t('courtyards.field.village'), children: a.orgUnitName },
            {
              key: 'score',
              label: t('courtyards.field.totalScore'),
              children: `${a.totalScore}（${label(inspectionKindLabels, a.kind)}）`,
            },
          ],
          testId: 'inspection-card',
        }}
        rowTestId="inspection-row"
        columns={[
          {
            title: t('courtyards.field.inspectedOn'),
            dataIndex: 'inspectedOn',
            sorter: true,
            width: 120,
          },
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
      {detailId && (
        <InspectionDetailDrawer inspectionId={detailId} onClose={() => openDetail(null)} onEdit={setEditId} />
      )}
      {editId && <InspectionEditDrawer inspectionId={editId} onClose={() => setEditId(null)} />}
    </div>
  );
};
