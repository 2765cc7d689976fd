import { App, Descriptions, Divider, Drawer, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LedgerActions } from '../../../components/ledger-actions';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDeleteWomenGroup } from '../api/delete-women-group';
import { useWomenGroup } from '../api/get-women-group';
import { useVillagePersons } from '../api/list-village-persons';
import { useRestoreWomenGroup } from '../api/restore-women-group';

type Props = { groupId: string; onClose: () => void; onEdit: (groupId: string) => void };

/** 妇女小组详情: grid, leader, members; 编辑, 删除, 恢复. */
export const WomenGroupDetailDrawer = ({ groupId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const { access } = useSession();
  const group = useWomenGroup(groupId);
  const w = group.data;
  const persons = useVillagePersons(w?.orgUnitId);
  const remove = useDeleteWomenGroup();
  const restore = useRestoreWomenGroup();
  const onError = useApiErrorHandler();
  const names = new Map((persons.data ?? []).map((p) => [p.id, p.name]));

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('womenGroups.detail')}
      size={isMobile ? '100%' : 560}
      data-testid="women-group-detail"
    >
      {group.isPending && <PageLoading />}
      {group.isError && <PageError error={group.error} onRetry={() => void group.refetch()} />}
      {w && (
        <>
          <Space wrap style={{ marginBottom: 12 }} align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {w.name}
            </Typography.Title>
            {w.deletedAt && <Tag color="red">{t('people.status.deleted')}</Tag>}
          </Space>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'grid', label: t('womenGroups.field.grid'), children: w.gridName },
              { key: 'leader', label: t('womenGroups.field.leader'), children: w.leaderName ?? '—' },
              { key: 'note', label: t('ledger.field.note'), children: w.note ?? '—' },
              { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(w.updatedAt) },
            ]}
          />
          {access.can('org.write') && (
            <LedgerActions
              name={w.name}
              isDeleted={w.deletedAt !== null}
              onEdit={() => onEdit(w.id)}
              onDelete={() =>
                remove.mutateAsync({ id: w.id, version: w.version }).then(
                  () => {
                    void message.success(t('common.deleted'));
                    onClose();
                  },
                  (e: unknown) => onError(e),
                )
              }
              onRestore={() =>
                restore.mutateAsync({ id: w.id, version: w.version }).then(
                  () => void message.success(t('common.restored')),
                  (e: unknown) => onError(e),
                )
              }
              isDeleting={remove.isPending}
              isRestoring={restore.isPending}
              testIdPrefix="women-group"
            />
          )}
          <Divider titlePlacement="start">
            {t('womenGroups.memberCount', { count: w.memberIds.length })}
          </Divider>
          <List
            size="small"
            loading={persons.isPending}
            dataSource={w.memberIds}
            locale={{ emptyText: <EmptyState description={t('womenGroups.noMembers')} /> }}
            data-testid="women-group-members"
            renderItem={(id) => (
              <List.Item style={{ minHeight: 44 }}>
                <span>{names.get(id) ?? t('womenGroups.unknownMember')}</span>
                {id === w.leaderPersonId && <Tag color="magenta">{t('womenGroups.field.leader')}</Tag>}
              </List.Item>
            )}
          />
        </>
      )}
      <RecordHistory entityType="womenGroup" entityId={groupId} />
    </Drawer>
  );
};
