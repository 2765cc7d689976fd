import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type ListRectificationsQuery,
  type Rectification,
  rectificationStatusLabels,
} from '../../../../contracts/courtyards';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useListParams } from '../../../lib/use-list-params';
import { useRectifications } from '../api/list-rectifications';
import { OverdueBoard } from '../components/overdue-board';
import { RectificationDetailDrawer, RectificationStatusTag } from '../components/rectification-detail-drawer';
import '../../../components/ledger.css';
import '../lib/courtyards.css';

type Filters = Pick<Partial<ListRectificationsQuery>, 'orgUnitId' | 'status'>;
const statuses = ['open', 'overdue', 'fixed', 'verified'] as const;
const who = (r: Rectification) => (r.headName ? `${r.headName} · ${r.householdLabel}` : r.householdLabel);

/** 整改: every rectification, the overdue board per village; `?rectificationId=` opens one. */
export const RectificationsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { scopeId } = useOrgScope();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<Rectification>({ sort: 'deadline' });
  const filters = useLedgerFilters<Filters>({ status: 'open' }, { list });
  const [tab, setTab] = useState(search.get('tab') === 'board' ? 'board' : 'list');
  const detailId = search.get('rectificationId');
  const params = filters.query;
  const rects = useRectifications(params, tab === 'list');
  const open = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('rectificationId', id);
      else next.delete('rectificationId');
      return next;
    });
  const empty = <LedgerEmpty isFiltered={filters.isFiltered} text={t('courtyards.rectification.empty')} />;

  const listView = (
    <>
      <LedgerFilters<Filters>
        idPrefix="rectifications"
        variant="compact"
        filters={filters}
        fields={[
          { kind: 'unit', key: 'orgUnitId', label: t('courtyards.filter.village') },
          {
            kind: 'select',
            key: 'status',
            label: t('courtyards.field.status'),
            options: statuses.map((s) => ({ value: s, label: label(rectificationStatusLabels, s) })),
          },
        ]}
      />
      <LedgerResults<Rectification>
        query={rects}
        list={list}
        empty={empty}
        onOpen={(r) => open(r.id)}
        cards={{
          title: (r) => r.problem,
          extra: (r) => <RectificationStatusTag r={r} />,
          fields: (r) => [
            { key: 'who', label: t('courtyards.field.household'), children: who(r) },
            { key: 'unit', label: t('courtyards.field.village'), children: r.orgUnitName },
            { key: 'deadline', label: t('courtyards.field.deadline'), children: r.deadline },
          ],
          testId: 'rectification-card',
        }}
        rowTestId="rectification-row"
        columns={[
          { title: t('courtyards.field.problem'), dataIndex: 'problem' },
          { title: t('courtyards.field.household'), key: 'who', render: (_: unknown, r) => who(r) },
          { title: t('courtyards.field.village'), dataIndex: 'orgUnitName' },
          { title: t('courtyards.field.deadline'), dataIndex: 'deadline', sorter: true },
          {
            title: t('courtyards.field.owner'),
            dataIndex: 'ownerName',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('courtyards.field.status'),
            key: 's',
            render: (_: unknown, r) => <RectificationStatusTag r={r} />,
          },
          {
            title: t('courtyards.field.fixedOn'),
            dataIndex: 'fixedOn',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </>
  );

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.courtyards.rectifications')}
        hint={t('courtyards.rectification.hint')}
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: t('courtyards.rectification.list'), children: listView },
          {
            key: 'board',
            label: t('courtyards.rectification.board'),
            children: <OverdueBoard orgUnitId={scopeId} onOpen={open} />,
          },
        ]}
      />
      {detailId && <RectificationDetailDrawer rectificationId={detailId} onClose={() => open(null)} />}
    </div>
  );
};
