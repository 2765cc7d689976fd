import { Divider, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { volunteerTeamKindLabels } from '../../../../contracts/people-roles';
import { DetailHeading, LedgerRecordDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { EmptyState } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { formatDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useDeleteVolunteerTeam } from '../api/delete-volunteer-team';
import { useVolunteerTeam } from '../api/get-volunteer-team';
import { useRestoreVolunteerTeam } from '../api/restore-volunteer-team';

type Props = { teamId: string; onClose: () => void; onEdit: (teamId: string) => void };

/** 队伍详情: leader, members; 编辑, 删除, 恢复. */
export const TeamDetailDrawer = ({ teamId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();

  return (
    <LedgerRecordDrawer
      query={useVolunteerTeam(teamId)}
      title={t('teams.detail')}
      testId="team-detail"
      onClose={onClose}
      actions={{
        permission: 'people.write',
        name: (v) => v.name,
        remove: useDeleteVolunteerTeam(),
        restore: useRestoreVolunteerTeam(),
        onEdit: (v) => onEdit(v.id),
        testIdPrefix: 'team',
      }}
      footer={<RecordHistory entityType="volunteerTeam" entityId={teamId} />}
    >
      {(v, actions) => (
        <>
          <DetailHeading name={v.name} isDeleted={v.deletedAt !== null}>
            <Tag color="magenta">{label(volunteerTeamKindLabels, v.kind)}</Tag>
          </DetailHeading>
          <RecordFields
            items={[
              { key: 'unit', label: t('ledger.field.orgUnit'), children: v.orgUnitName },
              { key: 'leader', label: t('teams.field.leader'), children: v.leaderName ?? '—' },
              { key: 'founded', label: t('teams.field.foundedOn'), children: formatDate(v.foundedOn) || '—' },
            ]}
            note={v.note}
            updatedAt={v.updatedAt}
          />
          {actions}
          <Divider titlePlacement="start">{t('teams.memberCount', { count: v.members.length })}</Divider>
          <List
            size="small"
            dataSource={v.members}
            rowKey="personId"
            locale={{ emptyText: <EmptyState description={t('teams.noMembers')} /> }}
            pagination={v.members.length > 20 ? { pageSize: 20, size: 'small' } : false}
            data-testid="team-members"
            renderItem={(m) => (
              <List.Item style={{ minHeight: 44 }}>
                <span>{m.name}</span>
                {m.joinedOn && (
                  <Typography.Text type="secondary">
                    {t('teams.joinedOn', { date: formatDate(m.joinedOn) })}
                  </Typography.Text>
                )}
              </List.Item>
            )}
          />
        </>
      )}
    </LedgerRecordDrawer>
  );
};
