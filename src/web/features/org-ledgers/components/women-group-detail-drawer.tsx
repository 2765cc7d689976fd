import { Descriptions, Divider, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DetailHeading, LedgerDetailDrawer, RecordActions } from '../../../components/ledger-detail-drawer';
import { EmptyState } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useDeleteWomenGroup } from '../api/delete-women-group';
import { useWomenGroup } from '../api/get-women-group';
import { useVillagePersons } from '../api/list-village-persons';
import { useRestoreWomenGroup } from '../api/restore-women-group';

type Props = { groupId: string; onClose: () => void; onEdit: (groupId: string) => void };

/** 妇女小组详情: grid, leader, members; 编辑, 删除, 恢复. */
export const WomenGroupDetailDrawer = ({ groupId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const { access } = useSession();
  const query = useWomenGroup(groupId);
  const w = query.data;
  const persons = useVillagePersons(w?.orgUnitId);
  const remove = useDeleteWomenGroup();
  const restore = useRestoreWomenGroup();
  const names = new Map((persons.data ?? []).map((p) => [p.id, p.name]));

  return (
    <LedgerDetailDrawer
      query={query}
      title={t('womenGroups.detail')}
      width={560}
      testId="women-group-detail"
      onClose={onClose}
      footer={<RecordHistory entityType="womenGroup" entityId={groupId} />}
    >
      {(w) => (
        <>
          <DetailHeading name={w.name} isDeleted={w.deletedAt !== null} />
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
            <RecordActions
              record={w}
              name={w.name}
              remove={remove}
              restore={restore}
              onEdit={onEdit}
              onClose={onClose}
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
    </LedgerDetailDrawer>
  );
};
