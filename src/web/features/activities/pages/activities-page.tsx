import {
  CalendarOutlined,
  DownloadOutlined,
  FormOutlined,
  PlusOutlined,
  SettingOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Activity } from '../../../../contracts/activities';
import { ImportWizard } from '../../../components/import-wizard/import-wizard';
import { EmptyState, PageError } from '../../../components/page-states';
import { RecordCards } from '../../../components/record-cards';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useSession } from '../../../lib/session';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useListParams } from '../../../lib/use-list-params';
import { activitiesExportUrl, useActivities } from '../api/list-activities';
import { ActivitiesTable } from '../components/activities-table';
import { ActivityDetailDrawer } from '../components/activity-detail-drawer';
import { ActivityFilters, type ActivityFilterValues } from '../components/activity-filters';
import { ActivityFormDrawer, type ActivityFormMode } from '../components/activity-form-drawer';
import { ActivityTypesDrawer } from '../components/activity-types-drawer';
import { SeriesFormDrawer } from '../components/series-form-drawer';
import { useTypeLabel } from '../lib/use-type-label';
import '../../../components/ledger.css';
import '../lib/activities.css';
import { activityWriteKeys } from '../api/keys';

/** 活动台账: the activities of the chosen scope, filtered; `?activityId=` opens one, `?campaignId=` filters. */
export const ActivitiesPage = () => {
  const { t } = useTranslation();
  const { access, user } = useSession();
  const isPhone = useIsPhone();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const typeLabel = useTypeLabel();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<Activity>({ sort: '-occurredOn' });
  const [filters, setFilters] = useState<ActivityFilterValues>(() => ({
    status: 'active',
    campaignId: search.get('campaignId') ?? undefined,
  }));
  const [formMode, setFormMode] = useState<ActivityFormMode | null>(null);
  const [isSeriesOpen, setSeriesOpen] = useState(false);
  const [isImportOpen, setImportOpen] = useState(false);
  const detailId = search.get('activityId');

  const params = {
    ...filters,
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  };
  const activities = useActivities(params);
  const scopeName = tree.data?.find((n) => n.id === scopeId)?.name ?? '';
  const canWrite = access.can('activities.write');
  const hasChildren = (tree.data ?? []).some((n) => n.parentId === scopeId);
  // The county (the root unit) keeps the list of activity types.
  const canSetTypes = access.can('org.write') && user.orgUnit.trail.length === 1;
  const [isTypesOpen, setTypesOpen] = useState(false);

  const changeFilters = (patch: Partial<ActivityFilterValues>) => {
    setFilters((f) => ({ ...f, ...patch }));
    list.resetPage();
    if ('campaignId' in patch) {
      setSearch((s) => {
        const next = new URLSearchParams(s);
        if (patch.campaignId) next.set('campaignId', patch.campaignId);
        else next.delete('campaignId');
        return next;
      });
    }
  };
  const openDetail = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('activityId', id);
      else next.delete('activityId');
      return next;
    });
  const isFiltered = Boolean(
    filters.q || filters.type || filters.campaignId || filters.targetGroup || filters.from,
  );
  const empty = (
    <EmptyState
      description={
        filters.status === 'deleted'
          ? t('ledger.emptyDeleted')
          : isFiltered
            ? t('ledger.emptyFiltered')
            : t('activities.list.empty')
      }
    />
  );

  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('activities.list.title')}</h1>
          {scopeName && (
            <Typography.Text type="secondary">{t('common.scopeNote', { name: scopeName })}</Typography.Text>
          )}
        </div>
        <div className="bbt-ledger-toolbar">
          {canWrite && (
            <Link to="/activities/quick">
              <Button icon={<FormOutlined />} data-testid="activities-quick">
                {t('menu.activities.quick')}
              </Button>
            </Link>
          )}
          {canWrite && hasChildren && (
            <Button
              icon={<CalendarOutlined />}
              onClick={() => setSeriesOpen(true)}
              data-testid="activities-series"
            >
              {t('activities.series.title')}
            </Button>
          )}
          {canSetTypes && (
            <Button
              icon={<SettingOutlined />}
              onClick={() => setTypesOpen(true)}
              data-testid="activity-types-open"
            >
              {t('activities.types.button')}
            </Button>
          )}
          {access.can('activities.import') && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImportOpen(true)}
              data-testid="activities-import-open"
            >
              {t('activities.import.button')}
            </Button>
          )}
          {access.can('activities.export') && (
            <Button
              icon={<DownloadOutlined />}
              href={activitiesExportUrl(params)}
              download
              data-testid="activities-export"
            >
              {t('activities.list.export')}
            </Button>
          )}
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormMode({ type: 'create' })}
              data-testid="activity-create"
            >
              {t('activities.create')}
            </Button>
          )}
        </div>
      </div>
      <ActivityFilters value={filters} onChange={changeFilters} />
      {activities.isError ? (
        <PageError error={activities.error} onRetry={() => void activities.refetch()} />
      ) : isPhone ? (
        <RecordCards<Activity>
          items={activities.data?.items}
          isLoading={activities.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          total={activities.data?.total ?? 0}
          onPageChange={list.setPage}
          onOpen={(a) => openDetail(a.id)}
          empty={empty}
          title={(a) => a.title}
          extra={(a) => <Tag>{typeLabel(a.type)}</Tag>}
          fields={(a) => [
            { key: 'date', label: t('activities.field.occurredOn'), children: a.occurredOn },
            { key: 'unit', label: t('ledger.field.orgUnit'), children: a.orgUnitName },
            { key: 'att', label: t('activities.field.attendance'), children: a.attendance },
          ]}
          testId="activity-card"
        />
      ) : (
        <ActivitiesTable
          activities={activities.data?.items}
          isLoading={activities.isFetching}
          pagination={list.pagination(activities.data?.total)}
          onChange={list.onTableChange}
          onOpen={(a) => openDetail(a.id)}
          empty={empty}
        />
      )}
      {detailId && (
        <ActivityDetailDrawer
          activityId={detailId}
          onClose={() => openDetail(null)}
          onEdit={(id) => setFormMode({ type: 'edit', activityId: id })}
        />
      )}
      {formMode && <ActivityFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
      {isSeriesOpen && <SeriesFormDrawer onClose={() => setSeriesOpen(false)} />}
      {isTypesOpen && <ActivityTypesDrawer onClose={() => setTypesOpen(false)} />}
      <ImportWizard
        open={isImportOpen}
        onClose={() => setImportOpen(false)}
        ledgerBase="/api/v1/activities/activities"
        title={t('activities.import.title')}
        invalidate={[...activityWriteKeys]}
      />
    </div>
  );
};
