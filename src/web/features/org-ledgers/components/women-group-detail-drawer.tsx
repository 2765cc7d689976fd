import { Divider, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DetailHeading, LedgerRecordDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { EmptyState } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { useDeleteWomenGroup } from '../api/delete-women-group';
import { useWomenGroup } from '../api/get-women-group';
import { useVillagePersons } from '../api/list-village-persons';
import { useRestoreWomenGroup } from '../api/restore-women-group';

type Props = { groupId: string; onClose: () => void; onEdit: (groupId: string) => void };

/** 妇女小组详情: grid, leader, members; 编辑, 删除, 恢复. */
export const WomenGroupDetailDrawer = ({ groupId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const query = useWomenGroup(groupId);
  const w = query.data;
  const persons = useVillagePersons(w?.orgUnitId);
  const names = new Map((persons.data ?? []).map((p) => [p.id, p.name]));

  return (
    <LedgerRecordDrawer
      query={query}
      title={t('womenGroups.detail')}
      testId="women-group-detail"
      onClose={onClose}
      actions={{
        permission: 'org.write',
        name: (w) => w.name,
        remove: useDeleteWomenGroup(),
        restore: useRestoreWomenGroup(),
        onEdit: (w) => onEdit(w.id),
        testIdPrefix: 'women-group',
      }}
      footer={<RecordHistory entityType="womenGroup" entityId={groupId} />}
    >
      {(w, actions) => (
        <>
          <DetailHeading name={w.name} isDeleted={w.deletedAt !== null} />
          <RecordFields
            items={[
              { key: 'grid', label: t('womenGroups.field.grid'), children: w.gridName },
              { key: 'leader', label: t('womenGroups.field.leader'), children: w.leaderName ?? '—' },
            ]}
            note={w.note}
            updatedAt={w.updatedAt}
          />
          {actions}
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
    </LedgerRecordDrawer>
  );
};
