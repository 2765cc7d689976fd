import { useQuery } from '@tanstack/react-query';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, auditActionLabels, type historyEntityTypes } from '../../contracts/audit';
import { api } from '../lib/api-client';
import { formatDateTime } from '../lib/format';
import { useLabel } from '../lib/labels';
import { AuditDiff } from './audit-diff';
import { EmptyState, PageError, PageLoading } from './page-states';

type EntityType = (typeof historyEntityTypes)[number];

const useRecordHistory = (entityType: EntityType, entityId: string) =>
  useQuery({
    queryKey: ['history', entityType, entityId],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEntry[] }>('/api/v1/history', { entityType, entityId }, signal),
    select: (d) => d.items,
  });

/** 变更记录 of any ledger record: who changed it, when, and from what to what, newest first. */
export const RecordHistory = ({ entityType, entityId }: { entityType: EntityType; entityId: string }) => {
  const { t } = useTranslation();
  const history = useRecordHistory(entityType, entityId);
  return (
    <div data-testid="record-history">
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('people.history')}
      </Typography.Title>
      {history.isPending ? (
        <PageLoading rows={3} />
      ) : history.isError ? (
        <PageError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <EmptyState description={t('people.history.empty')} />
      ) : (
        <HistoryTimeline entries={history.data} />
      )}
    </div>
  );
};

type HistoryEntry = Pick<AuditEntry, 'id' | 'action' | 'actorName' | 'at' | 'before' | 'after'>;

/** The entries of a 变更记录, newest first: what was done, by whom and when, and what changed. */
export const HistoryTimeline = ({ entries, testId }: { entries: HistoryEntry[]; testId?: string }) => {
  const label = useLabel();
  return (
    <Timeline
      data-testid={testId}
      items={entries.map((e) => ({
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
