import { Button, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, auditActionLabels } from '../../../../contracts/audit';
import { genderLabels, relationLabels } from '../../../../contracts/people';
import { AuditDiff } from '../../../components/audit-diff';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { usePersonHistory } from '../api/get-person-history';

type Snapshot = Record<string, unknown>;

const isSnapshot = (v: unknown): v is Snapshot => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The audit snapshot as a cadre reads it: labels for gender and relation, tags as one line, and only the
 * readable half of id/label pairs (the unit and household names, not their ids).
 */
const useReadableSnapshot = () => {
  const label = useLabel();
  return (v: unknown): unknown => {
    if (!isSnapshot(v)) return v;
    const { orgUnitId: _unit, householdId: _household, ...rest } = v;
    const out: Snapshot = { ...rest };
    if (typeof out.gender === 'string') out.gender = label(genderLabels, out.gender);
    if (typeof out.relationToHead === 'string')
      out.relationToHead = label(relationLabels, out.relationToHead);
    if (Array.isArray(out.tags)) out.tags = out.tags.join('、');
    return out;
  };
};

const HistoryItem = ({ entry }: { entry: AuditEntry }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const readable = useReadableSnapshot();
  const hasBoth = entry.before != null && entry.after != null;
  const hasAny = entry.before != null || entry.after != null;
  // A change shows what changed; a creation (every field) waits to be asked for.
  const [isOpen, setOpen] = useState(hasBoth);
  return (
    <div>
      <Typography.Text strong>{label(auditActionLabels, entry.action)}</Typography.Text>
      <Typography.Text type="secondary">
        {' · '}
        {entry.actorName ?? '—'} · {formatDateTime(entry.at)}
      </Typography.Text>
      {hasAny && !hasBoth && (
        <Button type="link" size="small" onClick={() => setOpen((o) => !o)}>
          {isOpen ? t('people.history.hideDiff') : t('people.history.showDiff')}
        </Button>
      )}
      {hasAny && isOpen && (
        <div style={{ marginTop: 6 }}>
          <AuditDiff before={readable(entry.before)} after={readable(entry.after)} />
        </div>
      )}
    </div>
  );
};

const HistoryBody = ({ personId }: { personId: string }) => {
  const { t } = useTranslation();
  const history = usePersonHistory(personId);
  if (history.isPending) return <PageLoading rows={3} />;
  if (history.isError) return <PageError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState description={t('people.history.empty')} />;
  return (
    <Timeline
      className="bbt-history"
      items={history.data.map((e) => ({
        key: e.id,
        color: e.action === 'delete' ? 'red' : e.action === 'viewSensitive' ? 'gray' : 'blue',
        content: <HistoryItem entry={e} />,
      }))}
    />
  );
};

/** 变更记录: who did what to this person and when, newest first (viewing full numbers included). */
export const PersonHistory = ({ personId }: { personId: string }) => (
  <div data-testid="person-history">
    <HistoryBody personId={personId} />
  </div>
);
