import {
  CalendarOutlined,
  DownloadOutlined,
  FormOutlined,
  SettingOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type Activity, targetGroupLabels, targetGroups } from '../../../../contracts/activities';
import { ImportWizard } from '../../../components/import-wizard/import-wizard';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import type { LedgerFormMode } from '../../../components/ledger-form-drawer';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  type LedgerStatus,
} from '../../../components/ledger-page';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useActivityTypes } from '../api/get-activity-types';
import { activitiesExportUrl, useActivities } from '../api/list-activities';
import { ActivitiesTable } from '../components/activities-table';
import { ActivityDetailDrawer } from '../components/activity-detail-drawer';
import { ActivityFormDrawer } from '../components/activity-form-drawer';
import { ActivityTypesDrawer } from '../components/activity-types-drawer';
import { CampaignSelect } from '../components/campaign-select';
import { SeriesFormDrawer } from '../components/series-form-drawer';
import { useActivityDates } from '../lib/use-activity-dates';
import { useTypeLabel } from '../lib/use-type-label';
import '../../../components/ledger.css';
import '../lib/activities.css';
import { CreateButton } from '../../../components/ledger-toolbar';
import { activityWriteKeys } from '../api/keys';

type Filters = {
  q?: string;
  type?: string;
  campaignId?: string;
  targetGroup?: (typeof targetGroups)[number];
  from?: string;
  to?: string;
  status: LedgerStatus;
};

/** 活动台账: the activities of the chosen scope, filtered; `?activityId=` opens one, `?campaignId=` filters. */
export const ActivitiesPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const typeLabel = useTypeLabel();
  const activityDates = useActivityDates();
  const types = useActivityTypes();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<Activity>({ sort: '-occurredOn' });
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list, urlKeys: ['campaignId'] });
  const [formMode, setFormMode] = useState<LedgerFormMode | null>(null);
  const [isSeriesOpen, setSeriesOpen] = useState(false);
  const [isImportOpen, setImportOpen] = useState(false);
  const detailId = search.get('activityId');

  const params = filters.query;
  const activities = useActivities(params);
  const canWrite = access.can('activities.write');
  const hasChildren = (tree.data ?? []).some((n) => n.parentId === scopeId);
  // The county (the root unit) keeps the list of activity types.
  const canSetTypes = access.canManageOrg && access.isRootUnit;
  const [isTypesOpen, setTypesOpen] = useState(false);

  const openDetail = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('activityId', id);
      else next.delete('activityId');
      return next;
    });
  const empty = (
    <LedgerEmpty
      status={filters.values.status}
      isFiltered={filters.isFiltered}
      text={t('activities.list.empty')}
    />
  );

  return (
    <div>
      <LedgerPageHeader
        title={t('activities.list.title')}
        toolbar={
          <>
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
              <CreateButton
                label={t('activities.create')}
                onCreate={() => setFormMode({ type: 'create' })}
                testId="activity-create"
              />
            )}
          </>
        }
      />
      <LedgerFilters<Filters>
        idPrefix="activities"
        filters={filters}
        isFoldedOnPhone
        fields={[
          {
            kind: 'search',
            key: 'q',
            label: t('common.keyword'),
            placeholder: t('activities.list.searchPlaceholder'),
          },
          {
            kind: 'select',
            key: 'type',
            label: t('activities.field.type'),
            width: 130,
            options: (types.data ?? []).map((ty) => ({
              value: ty.code,
              label: label({ [ty.code]: ty.label }, ty.code),
            })),
          },
          {
            kind: 'custom',
            key: 'campaignId',
            label: t('activities.field.campaign'),
            testId: 'activities-campaign',
            width: 160,
            render: ({ onChange, ...p }) => (
              <CampaignSelect {...p} onChange={(v) => onChange(typeof v === 'string' ? v : undefined)} />
            ),
          },
          { kind: 'period', from: 'from', to: 'to', label: t('activities.field.period') },
          {
            kind: 'select',
            key: 'targetGroup',
            label: t('activities.field.targetGroups'),
            testId: 'activities-target',
            width: 110,
            options: targetGroups.map((g) => ({ value: g, label: label(targetGroupLabels, g) })),
          },
          { kind: 'status' },
        ]}
      />
      <LedgerResults<Activity>
        query={activities}
        list={list}
        empty={empty}
        onOpen={(a) => openDetail(a.id)}
        cards={{
          title: (a) => a.title,
          extra: (a) => (
            <Space size={4}>
              {a.isNotable && <Tag color="gold">{t('activities.notable.tag')}</Tag>}
              <Tag>{typeLabel(a.type)}</Tag>
            </Space>
          ),
          fields: (a) => [
            { key: 'date', label: t('activities.field.occurredOn'), children: activityDates(a) },
            { key: 'unit', label: t('ledger.field.orgUnit'), children: a.orgUnitName },
            { key: 'att', label: t('activities.field.attendance'), children: a.attendance },
          ],
          testId: 'activity-card',
        }}
        table={
          <ActivitiesTable
            activities={activities.data?.items}
            isLoading={activities.isFetching}
            pagination={list.pagination(activities.data?.total)}
            onChange={list.onTableChange}
            onOpen={(a) => openDetail(a.id)}
            empty={empty}
          />
        }
      />
      {detailId && (
        <ActivityDetailDrawer
          activityId={detailId}
          onClose={() => openDetail(null)}
          onEdit={(id) => setFormMode({ type: 'edit', id })}
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
