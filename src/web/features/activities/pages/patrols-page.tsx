import { FilterOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Patrol } from '../../../../contracts/activities';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { EmptyState, PageError } from '../../../components/page-states';
import { RecordCards } from '../../../components/record-cards';
import { DATE_FORMAT } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useSession } from '../../../lib/session';
import { useIsPhone } from '../../../lib/use-is-phone';
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

type Filters = {
  from?: string;
  to?: string;
  hasHazards?: '1';
  teamId?: string;
  chiefId?: string;
  status: 'active' | 'deleted';
};
type FormState = { patrol?: Patrol } | null;

/** 巡查台账: 巾帼林长护林防火巡查 of the chosen scope; `?patrolId=` opens one. */
export const PatrolsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const isPhone = useIsPhone();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<Patrol>({ sort: '-occurredOn' });
  const [filters, setFilters] = useState<Filters>({ status: 'active' });
  const [isFiltersOpen, setFiltersOpen] = useState(false);
  const [form, setForm] = useState<FormState>(null);
  const [isBatchOpen, setBatchOpen] = useState(false);
  const detailId = search.get('patrolId');

  const params = {
    ...filters,
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  };
  const patrols = usePatrols(params);
  const teams = useForestTeams(scopeId);
  const chiefs = useForestChiefs(scopeId, filters.to ?? dayjs().format(DATE_FORMAT));
  const scopeName = tree.data?.find((n) => n.id === scopeId)?.name ?? '';
  const canWrite = access.can('activities.write');

  const changeFilters = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    list.resetPage();
  };
  const openDetail = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('patrolId', id);
      else next.delete('patrolId');
      return next;
    });
  const isFiltered = Boolean(filters.from || filters.hasHazards || filters.teamId || filters.chiefId);
  const activeCount =
    (filters.from ? 1 : 0) +
    (filters.hasHazards ? 1 : 0) +
    (filters.teamId ? 1 : 0) +
    (filters.chiefId ? 1 : 0) +
    (filters.status === 'deleted' ? 1 : 0);
  const empty = (
    <EmptyState
      description={
        filters.status === 'deleted'
          ? t('ledger.emptyDeleted')
          : isFiltered
            ? t('ledger.emptyFiltered')
            : t('patrols.empty')
      }
    />
  );
  const hazardsTag = (n: number) =>
    n > 0 ? <Tag color="orange">{t('patrols.hazardsCount', { count: n })}</Tag> : <Tag>0</Tag>;
  const duration = (m: number | null) => (m ? t('patrols.minutes', { count: m }) : '—');

  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.activities.patrols')}</h1>
          <Typography.Text type="secondary">
            {t('patrols.title')}
            {scopeName && ` · ${t('common.scopeNote', { name: scopeName })}`}
          </Typography.Text>
        </div>
        <div className="bbt-ledger-toolbar">
          <LedgerIoButtons
            ledgerBase="/api/v1/activities/patrols"
            ledgerName={t('patrols.ledgerName')}
            invalidate={[patrolKeys.all, ['indicators']]}
            canImport={access.can('activities.import')}
            canExport={access.can('activities.export')}
            exportQuery={{
              orgUnitId: scopeId,
              from: filters.from,
              to: filters.to,
              hasHazards: filters.hasHazards,
              teamId: filters.teamId,
              chiefId: filters.chiefId,
              status: filters.status,
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
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({})}
              data-testid="patrol-create"
            >
              {t('patrols.create')}
            </Button>
          )}
        </div>
      </div>
      <Form layout="inline" className="bbt-filters">
        {isPhone && (
          <Form.Item>
            <Button
              block
              icon={<FilterOutlined />}
              type={activeCount > 0 ? 'primary' : 'default'}
              ghost={activeCount > 0}
              onClick={() => setFiltersOpen((o) => !o)}
              aria-expanded={isFiltersOpen}
              data-testid="patrols-more-filters"
            >
              {activeCount > 0
                ? t('activities.list.filtersOn', { count: activeCount })
                : t('activities.list.filters')}
            </Button>
          </Form.Item>
        )}
        {(!isPhone || isFiltersOpen) && (
          <>
            <Form.Item label={t('patrols.field.period')} htmlFor="patrols-filter-period">
              <DatePicker.RangePicker
                id="patrols-filter-period"
                inputReadOnly={isPhone}
                value={
                  filters.from && filters.to
                    ? [dayjs(filters.from, DATE_FORMAT), dayjs(filters.to, DATE_FORMAT)]
                    : null
                }
                onChange={(r) =>
                  changeFilters({ from: r?.[0]?.format(DATE_FORMAT), to: r?.[1]?.format(DATE_FORMAT) })
                }
                data-testid="patrols-period"
              />
            </Form.Item>
            <Form.Item label={t('patrols.field.team')} htmlFor="patrols-filter-team">
              <Select
                id="patrols-filter-team"
                allowClear
                style={{ minWidth: 160 }}
                value={filters.teamId}
                onChange={(teamId?: string) => changeFilters({ teamId })}
                options={teams.data ?? []}
                loading={teams.isFetching}
                placeholder={t('common.all')}
                data-testid="patrols-team"
              />
            </Form.Item>
            <Form.Item label={t('patrols.filter.chief')} htmlFor="patrols-filter-chief">
              <Select
                id="patrols-filter-chief"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 140 }}
                value={filters.chiefId}
                onChange={(chiefId?: string) => changeFilters({ chiefId })}
                options={chiefs.data ?? []}
                loading={chiefs.isFetching}
                placeholder={t('common.all')}
                data-testid="patrols-chief"
              />
            </Form.Item>
            <Form.Item>
              <Checkbox
                checked={filters.hasHazards === '1'}
                onChange={(e) => changeFilters({ hasHazards: e.target.checked ? '1' : undefined })}
                className="bbt-touch"
                data-testid="patrols-has-hazards"
              >
                {t('patrols.filter.hasHazards')}
              </Checkbox>
            </Form.Item>
            <Form.Item label={t('people.field.status')} htmlFor="patrols-filter-status">
              <Select
                id="patrols-filter-status"
                style={{ minWidth: 100 }}
                value={filters.status}
                onChange={(status: Filters['status']) => changeFilters({ status })}
                options={[
                  { value: 'active', label: t('ledger.status.active') },
                  { value: 'deleted', label: t('people.status.deleted') },
                ]}
                data-testid="patrols-status"
              />
            </Form.Item>
          </>
        )}
      </Form>
      {patrols.isError ? (
        <PageError error={patrols.error} onRetry={() => void patrols.refetch()} />
      ) : isPhone ? (
        <RecordCards<Patrol>
          items={patrols.data?.items}
          isLoading={patrols.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          total={patrols.data?.total ?? 0}
          onPageChange={list.setPage}
          onOpen={(p) => openDetail(p.id)}
          empty={empty}
          title={(p) => p.area}
          extra={(p) => (p.hazardsFound > 0 ? hazardsTag(p.hazardsFound) : null)}
          fields={(p) => [
            { key: 'date', label: t('patrols.field.occurredOn'), children: p.occurredOn },
            { key: 'unit', label: t('ledger.field.orgUnit'), children: p.orgUnitName },
            { key: 'chiefs', label: t('patrols.field.chiefs'), children: p.chiefNames.join('、') || '—' },
            {
              key: 'duration',
              label: t('patrols.field.durationShort'),
              children: duration(p.durationMinutes),
            },
          ]}
          testId="patrol-card"
        />
      ) : (
        <Table<Patrol>
          rowKey="id"
          size="middle"
          loading={patrols.isFetching}
          dataSource={patrols.data?.items}
          pagination={list.pagination(patrols.data?.total)}
          onChange={list.onTableChange}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          rowClassName={() => 'bbt-ledger-row'}
          onRow={(p) =>
            ({
              onClick: () => openDetail(p.id),
              'data-testid': 'patrol-row',
            }) as React.HTMLAttributes<HTMLElement>
          }
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
      )}
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
          defaultOrgUnitId={scopeId}
          scopeId={scopeId}
          onClose={() => setForm(null)}
        />
      )}
      {isBatchOpen && (
        <PatrolBatchDrawer defaultOrgUnitId={scopeId} scopeId={scopeId} onClose={() => setBatchOpen(false)} />
      )}
    </div>
  );
};
