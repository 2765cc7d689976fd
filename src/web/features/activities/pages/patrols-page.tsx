import { UnorderedListOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Patrol } from '../../../../contracts/activities';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  type LedgerStatus,
} from '../../../components/ledger-page';
import { DATE_FORMAT } from '../../../lib/format';
import type { OutboxEntry } from '../../../lib/offline/outbox';
import { useOutboxEdit } from '../../../lib/offline/outbox-client';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { patrolKeys } from '../api/keys';
import { useForestChiefs } from '../api/list-forest-chiefs';
import { useForestTeams } from '../api/list-forest-teams';
import { usePatrols } from '../api/list-patrols';
import { PatrolBatchDrawer } from '../components/patrol-batch-drawer';
import { PatrolDetailDrawer } from '../components/patrol-detail-drawer';
import { PatrolFormDrawer } from '../components/patrol-form-drawer';
import '../../../components/ledger.css';
import '../lib/activities.css';
import { CreateButton } from '../../../components/ledger-toolbar';

type Filters = {
  from?: string;
  to?: string;
  hasHazards?: boolean;
  teamId?: string;
  chiefId?: string;
  status: LedgerStatus;
};
type FormState = { patrol?: Patrol } | null;

/** 巡查台账: 巾帼林长护林防火巡查 of the chosen scope; `?patrolId=` opens one, `?new=1` the form (巡查登记 on the home). */
export const PatrolsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<Patrol>({ sort: '-occurredOn' });
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  // The API takes 有隐患 as `hasHazards=1`.
  const params = { ...filters.query, hasHazards: filters.values.hasHazards ? ('1' as const) : undefined };
  const [form, setForm] = useState<FormState>(() =>
    search.get('new') === '1' && access.can('activities.write') ? {} : null,
  );
  // 修改 of a patrol the server refused, from the offline outbox: the form opens with it.
  const [fromOutbox, setFromOutbox] = useState<OutboxEntry | null>(null);
  useOutboxEdit('patrol', (e) => {
    setFromOutbox(e);
    setForm({});
  });
  const [isBatchOpen, setBatchOpen] = useState(false);
  const detailId = search.get('patrolId');

  const patrols = usePatrols(params);
  const teams = useForestTeams(scopeId);
  const chiefs = useForestChiefs(scopeId, params.to ?? dayjs().format(DATE_FORMAT));
  const canWrite = access.can('activities.write');

  const openDetail = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('patrolId', id);
      else next.delete('patrolId');
      return next;
    });
  const empty = (
    <LedgerEmpty status={params.status} isFiltered={filters.isFiltered} text={t('patrols.empty')} />
  );
  const hazardsTag = (n: number) =>
    n > 0 ? <Tag color="orange">{t('patrols.hazardsCount', { count: n })}</Tag> : <Tag>0</Tag>;
  const duration = (m: number | null) => (m ? t('patrols.minutes', { count: m }) : '—');

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.activities.patrols')}
        hint={t('patrols.title')}
        isScopeShown
        toolbar={
          <>
            <LedgerIoButtons
              ledgerBase="/api/v1/activities/patrols"
              ledgerName={t('patrols.ledgerName')}
              invalidate={[patrolKeys.all, ['indicators']]}
              canImport={access.can('activities.import')}
              canExport={access.can('activities.export')}
              exportQuery={{
                orgUnitId: scopeId,
                from: params.from,
                to: params.to,
                hasHazards: params.hasHazards,
                teamId: params.teamId,
                chiefId: params.chiefId,
                status: params.status,
              }}
              testIdPrefix="patrols"
            />
            {canWrite && (
              <Button
                icon={<UnorderedListOutlined />}
                onClick={() => setBatchOpen(true)}
                data-testid="patrols-batch"
              >
                {t('patrols.batch.title')}
              </Button>
            )}
            {canWrite && (
              <CreateButton label={t('patrols.create')} onCreate={() => setForm({})} testId="patrol-create" />
            )}
          </>
        }
      />
      <LedgerFilters<Filters>
        idPrefix="patrols"
        filters={filters}
        isFoldedOnPhone
        fields={[
          { kind: 'period', from: 'from', to: 'to', label: t('patrols.field.period') },
          {
            kind: 'select',
            key: 'teamId',
            label: t('patrols.field.team'),
            testId: 'patrols-team',
            width: 160,
            options: teams.data ?? [],
            isLoading: teams.isFetching,
          },
          {
            kind: 'select',
            key: 'chiefId',
            label: t('patrols.filter.chief'),
            testId: 'patrols-chief',
            options: chiefs.data ?? [],
            isLoading: chiefs.isFetching,
            isSearchable: true,
          },
          {
            kind: 'check',
            key: 'hasHazards',
            label: t('patrols.filter.hasHazards'),
            testId: 'patrols-has-hazards',
          },
          { kind: 'status' },
        ]}
      />
      <LedgerResults<Patrol>
        query={patrols}
        list={list}
        empty={empty}
        onOpen={(p) => openDetail(p.id)}
        cards={{
          title: (p) => p.area,
          extra: (p) => (p.hazardsFound > 0 ? hazardsTag(p.hazardsFound) : null),
          fields: (p) => [
            { key: 'date', label: t('patrols.field.occurredOn'), children: p.occurredOn },
            { key: 'unit', label: t('ledger.field.orgUnit'), children: p.orgUnitName },
            { key: 'chiefs', label: t('patrols.field.chiefs'), children: p.chiefNames.join('、') || '—' },
            {
              key: 'duration',
              label: t('patrols.field.durationShort'),
              children: duration(p.durationMinutes),
            },
          ],
          testId: 'patrol-card',
        }}
        rowTestId="patrol-row"
        columns={[
          {
            title: t('patrols.field.occurredOn'),
            dataIndex: 'occurredOn',
            sorter: true,
            defaultSortOrder: 'descend',
            width: 120,
          },
          { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
          { title: t('patrols.field.area'), dataIndex: 'area' },
          {
            title: t('patrols.field.chiefs'),
            dataIndex: 'chiefNames',
            render: (v: string[]) => v.join('、') || '—',
          },
          {
            title: t('patrols.field.durationShort'),
            dataIndex: 'durationMinutes',
            render: (v: number | null) => duration(v),
          },
          {
            title: t('patrols.field.hazards'),
            dataIndex: 'hazardsFound',
            render: (v: number) => hazardsTag(v),
          },
        ]}
      />
      {detailId && (
        <PatrolDetailDrawer
          patrolId={detailId}
          onClose={() => openDetail(null)}
          onEdit={(p) => setForm({ patrol: p })}
        />
      )}
      {form && (
        <PatrolFormDrawer
          patrol={form.patrol}
          fromOutbox={form.patrol ? null : fromOutbox}
          defaultOrgUnitId={scopeId}
          scopeId={scopeId}
          onClose={() => {
            setForm(null);
            setFromOutbox(null);
            if (search.has('new'))
              setSearch(
                (s) => {
                  const next = new URLSearchParams(s);
                  next.delete('new');
                  return next;
                },
                { replace: true },
              );
          }}
        />
      )}
      {isBatchOpen && (
        <PatrolBatchDrawer defaultOrgUnitId={scopeId} scopeId={scopeId} onClose={() => setBatchOpen(false)} />
      )}
    </div>
  );
};
