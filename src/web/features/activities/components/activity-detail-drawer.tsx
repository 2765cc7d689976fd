import { Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { targetGroupLabels } from '../../../../contracts/activities';
import { DetailHeading, LedgerRecordDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useDeleteActivity } from '../api/delete-activity';
import { useActivity } from '../api/get-activity';
import { useRestoreActivity } from '../api/restore-activity';
import { useActivityDates } from '../lib/use-activity-dates';
import { useTypeLabel } from '../lib/use-type-label';
import { ActivityHistory } from './activity-history';
import { ActivityPhotos } from './activity-photos';

type Props = { activityId: string; onClose: () => void; onEdit: (id: string) => void };

/** 活动详情: fields, photos, change history; 编辑 / 删除 / 恢复. */
export const ActivityDetailDrawer = ({ activityId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const typeLabel = useTypeLabel();
  const activityDates = useActivityDates();
  const { access } = useSession();
  const canWrite = access.can('activities.write');

  return (
    <LedgerRecordDrawer
      query={useActivity(activityId)}
      title={t('activities.detail.title')}
      width={600}
      testId="activity-detail"
      onClose={onClose}
      actions={{
        permission: 'activities.write',
        name: (a) => a.title,
        remove: useDeleteActivity(),
        restore: useRestoreActivity(),
        onEdit: (a) => onEdit(a.id),
        testIdPrefix: 'activity',
      }}
    >
      {(a, actions) => (
        <>
          <DetailHeading name={a.title} isDeleted={a.deletedAt !== null} testId="activity-detail-title">
            <Tag color="magenta">{typeLabel(a.type)}</Tag>
            {a.isNotable && <Tag color="gold">{t('activities.notable.tag')}</Tag>}
          </DetailHeading>
          <Tabs
            items={[
              {
                key: 'info',
                label: t('activities.detail.info'),
                children: (
                  <>
                    <RecordFields
                      items={[
                        { key: 'unit', label: t('ledger.field.orgUnit'), children: a.orgUnitName },
                        {
                          key: 'date',
                          label: t('activities.field.occurredOn'),
                          children: activityDates(a),
                        },
                        { key: 'site', label: t('activities.field.site'), children: a.siteName ?? '—' },
                        { key: 'place', label: t('activities.field.place'), children: a.place ?? '—' },
                        { key: 'att', label: t('activities.field.attendance'), children: a.attendance },
                        {
                          key: 'vol',
                          label: t('activities.field.volunteerCount'),
                          children: a.volunteerCount,
                        },
                        {
                          key: 'participants',
                          label: t('activities.field.participants'),
                          children:
                            [
                              a.participants.map((p) => p.name).join('、'),
                              a.hiddenParticipants > 0
                                ? t('activities.participants.hidden', { count: a.hiddenParticipants })
                                : '',
                            ]
                              .filter(Boolean)
                              .join('；') || '—',
                        },
                        {
                          key: 'target',
                          label: t('activities.field.targetGroups'),
                          children: a.targetGroups.map((g) => label(targetGroupLabels, g)).join('、') || '—',
                        },
                        {
                          key: 'campaign',
                          label: t('activities.field.campaign'),
                          children: a.campaignNames.join('、') || '—',
                        },
                        {
                          key: 'co',
                          label: t('activities.field.coOrganizers'),
                          children: a.coOrganizers ?? '—',
                        },
                        { key: 'summary', label: t('activities.field.summary'), children: a.summary ?? '—' },
                        {
                          key: 'updated',
                          label: t('common.updatedAt'),
                          children: formatDateTime(a.updatedAt),
                        },
                      ]}
                    />
                    <Typography.Title level={5} style={{ marginTop: 16 }}>
                      {t('activities.field.photos')}（{a.photoIds.length}/9）
                    </Typography.Title>
                    <ActivityPhotos activity={a} canWrite={canWrite} />
                    {actions}
                  </>
                ),
              },
              {
                key: 'history',
                label: t('activities.detail.history'),
                children: <ActivityHistory activityId={a.id} />,
              },
            ]}
          />
        </>
      )}
    </LedgerRecordDrawer>
  );
};
