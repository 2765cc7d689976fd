import { useTranslation } from 'react-i18next';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { HistoryTimeline } from '../../../components/record-history';
import { useActivityHistory } from '../api/get-activity-history';

/** 变更记录: who changed this activity and how, newest first. */
export const ActivityHistory = ({ activityId }: { activityId: string }) => {
  const { t } = useTranslation();
  const history = useActivityHistory(activityId);
  if (history.isPending) return <PageLoading rows={3} />;
  if (history.isError) return <PageError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState description={t('activities.history.empty')} />;
  return <HistoryTimeline entries={history.data} testId="activity-history" />;
};
