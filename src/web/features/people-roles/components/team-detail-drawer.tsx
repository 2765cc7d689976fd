import { App, Descriptions, Divider, Drawer, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { volunteerTeamKindLabels } from '../../../../contracts/people-roles';
import { LedgerActions } from '../../../components/ledger-actions';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDeleteVolunteerTeam } from '../api/delete-volunteer-team';
import { useVolunteerTeam } from '../api/get-volunteer-team';
import { useRestoreVolunteerTeam } from '../api/restore-volunteer-team';

type Props = { teamId: string; onClose: () => void; onEdit: (teamId: string) => void };

/** 队伍详情: leader, members; 编辑, 删除, 恢复. */
export const TeamDetailDrawer = ({ teamId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const label = useLabel();
  const { message } = App.useApp();
  const { access } = useSession();
  const team = useVolunteerTeam(teamId);
  const remove = useDeleteVolunteerTeam();
  const restore = useRestoreVolunteerTeam();
  const onError = useApiErrorHandler();
  const v = team.data;

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('teams.detail')}
      size={isMobile ? '100%' : 560}
      data-testid="team-detail"
    >
      {team.isPending && <PageLoading />}
      {team.isError && <PageError error={team.error} onRetry={() => void team.refetch()} />}
      {v && (
        <>
          <Space wrap style={{ marginBottom: 12 }} align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {v.name}
            </Typography.Title>
            <Tag color="magenta">{label(volunteerTeamKindLabels, v.kind)}</Tag>
            {v.deletedAt && <Tag color="red">{t('people.status.deleted')}</Tag>}
          </Space>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'unit', label: t('ledger.field.orgUnit'), children: v.orgUnitName },
              { key: 'leader', label: t('teams.field.leader'), children: v.leaderName ?? '—' },
              { key: 'founded', label: t('teams.field.foundedOn'), children: formatDate(v.foundedOn) || '—' },
              { key: 'note', label: t('ledger.field.note'), children: v.note ?? '—' },
              { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(v.updatedAt) },
            ]}
          />
          {access.can('people.write') && (
            <LedgerActions
              name={v.name}
              isDeleted={v.deletedAt !== null}
              onEdit={() => onEdit(v.id)}
              onDelete={() =>
                remove.mutateAsync({ id: v.id, version: v.version }).then(
                  () => {
                    void message.success(t('common.deleted'));
                    onClose();
                  },
                  (e: unknown) => onError(e),
                )
              }
              onRestore={() =>
                restore.mutateAsync({ id: v.id, version: v.version }).then(
                  () => void message.success(t('common.restored')),
                  (e: unknown) => onError(e),
                )
              }
              isDeleting={remove.isPending}
              isRestoring={restore.isPending}
              testIdPrefix="team"
            />
          )}
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
      <RecordHistory entityType="volunteerTeam" entityId={teamId} />
    </Drawer>
  );
};
