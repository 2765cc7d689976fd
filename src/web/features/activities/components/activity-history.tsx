import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditActionLabels } from '../../../../contracts/audit';
import { AuditDiff } from '../../../components/audit-diff';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useActivityHistory } from '../api/get-activity-history';

/** 变更记录: who changed this activity and how, newest first. */
export const ActivityHistory = ({ activityId }: { activityId: string }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const history = useActivityHistory(activityId);
  if (history.isPending) return <PageLoading rows={3} />;
  if (history.isError) return <PageError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState description={t('activities.history.empty')} />;
  return (
    <Timeline
      data-testid="activity-history"
      items={history.data.map((e) => ({
        key: e.id,
        color: e.action === 'delete' ? 'red' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{label(auditActionLabels, e.action)}</Typography.Text>
            <Typography.Text type="secondary">
              {' · '}
              {e.actorName ?? '—'} · {formatDateTime(e.at)}
            </Typography.Text>
            {e.before != null && e.after != null && (
              <div style={{ marginTop: 6 }}>
                <AuditDiff before={e.before} after={e.after} />
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
};
