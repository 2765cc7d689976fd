import { Divider, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Election } from '../../../../contracts/org-ledgers';
import { personRoleLabels } from '../../../../contracts/people-roles';
import { LedgerDetailDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { RecordHistory } from '../../../components/record-history';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useElection } from '../api/get-election';

type Props = { electionId: string; onClose: () => void };

const roleOrder: Record<Election['elected'][number]['role'], number> = {
  chair: 0,
  viceChair: 1,
  executiveMember: 2,
};

/** 换届详情: when, for how long, who was elected and how many old terms it ended. */
export const ElectionDetailDrawer = ({ electionId, onClose }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();

  return (
    <LedgerDetailDrawer
      query={useElection(electionId)}
      title={t('elections.detail')}
      testId="election-detail"
      onClose={onClose}
      footer={<RecordHistory entityType="election" entityId={electionId} />}
    >
      {(e) => (
        <>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('elections.titleOf', { unit: e.orgUnitName, date: formatDate(e.heldOn) })}
          </Typography.Title>
          <RecordFields
            items={[
              { key: 'held', label: t('elections.field.heldOn'), children: formatDate(e.heldOn) },
              {
                key: 'term',
                label: t('elections.field.termYears'),
                children: t('elections.years', { count: e.termYears }),
              },
              { key: 'seats', label: t('elections.field.seats'), children: e.seats ?? '—' },
              { key: 'ended', label: t('elections.field.endedTerms'), children: e.endedTerms },
              { key: 'note', label: t('ledger.field.note'), children: e.note ?? '—' },
              { key: 'created', label: t('common.createdAt'), children: formatDateTime(e.createdAt) },
            ]}
          />
          <Divider titlePlacement="start">{t('elections.elected', { count: e.elected.length })}</Divider>
          <List
            dataSource={[...e.elected].sort((a, b) => roleOrder[a.role] - roleOrder[b.role])}
            renderItem={(p) => (
              <List.Item style={{ minHeight: 44 }}>
                <span>{p.name}</span>
                <Tag color={p.role === 'chair' ? 'magenta' : p.role === 'viceChair' ? 'purple' : 'default'}>
                  {label(personRoleLabels, p.role)}
                </Tag>
              </List.Item>
            )}
          />
        </>
      )}
    </LedgerDetailDrawer>
  );
};
