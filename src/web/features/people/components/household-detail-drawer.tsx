import { DeleteOutlined, EditOutlined, RollbackOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Divider, Drawer, List, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { genderLabels, type Household, type Person, relationLabels } from '../../../../contracts/people';
import { DetailHeading, RecordFields } from '../../../components/ledger-detail-drawer';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDeleteHousehold } from '../api/delete-household';
import { useHousehold } from '../api/get-household';
import { usePersons } from '../api/list-persons';
import { useRestoreHousehold } from '../api/restore-household';
import { ageOf, householdLabel } from '../lib/person-format';
import { HouseholdHonours } from './household-honours';
import { PersonTags } from './person-tags';

type Props = {
  householdId: string | null;
  onClose: () => void;
  onEdit: (householdId: string) => void;
  onOpenPerson: (personId: string) => void;
  onAddMember: (h: Household) => void;
};

/**
 * 家庭户详情: address, head, members (a tap opens one), 添加成员, 编辑, 删除 (only when empty), 恢复. Not on
 * LedgerRecordDrawer: 删除 is held back while the household has members and the confirmation names it a 家庭户.
 */
export const HouseholdDetailDrawer = ({ householdId, onClose, ...handlers }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={householdId !== null}
      onClose={onClose}
      title={t('households.detail')}
      size={isMobile ? '100%' : 600}
      data-testid="household-detail"
    >
      {householdId && (
        <HouseholdDetail key={householdId} householdId={householdId} onClose={onClose} {...handlers} />
      )}
      {householdId && <RecordHistory entityType="household" entityId={householdId} />}
    </Drawer>
  );
};

const HouseholdDetail = ({
  householdId,
  onClose,
  onEdit,
  onOpenPerson,
  onAddMember,
}: { householdId: string } & Omit<Props, 'householdId'>) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { access } = useSession();
  const household = useHousehold(householdId);
  const members = usePersons({ householdId, pageSize: 200, sort: 'birthDate' });
  const remove = useDeleteHousehold();
  const restore = useRestoreHousehold();
  const onError = useApiErrorHandler();

  if (household.isPending) return <PageLoading />;
  if (household.isError)
    return <PageError error={household.error} onRetry={() => void household.refetch()} />;
  const h = household.data;
  const isDeleted = h.deletedAt !== null;
  const canWrite = access.can('people.write');
  const name = householdLabel(h);
  const memberCount = members.data?.total ?? h.memberCount;

  const onDelete = () =>
    remove.mutateAsync({ id: h.id, version: h.version }).then(
      () => {
        void message.success(t('common.deleted'));
        onClose();
      },
      (e: unknown) => onError(e),
    );
  const onRestore = () =>
    restore.mutateAsync({ id: h.id, version: h.version }).then(
      () => void message.success(t('common.restored')),
      (e: unknown) => onError(e),
    );

  const memberLine = (p: Person) =>
    [
      p.gender ? label(genderLabels, p.gender) : null,
      ageOf(p.birthDate) === undefined ? null : t('people.age', { age: ageOf(p.birthDate) }),
      p.relationToHead ? label(relationLabels, p.relationToHead) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <>
      <DetailHeading name={name} isDeleted={isDeleted} />
      <RecordFields
        items={[
          { key: 'unit', label: t('households.field.orgUnit'), children: h.orgUnitName },
          { key: 'head', label: t('households.field.head'), children: h.headName ?? t('households.noHead') },
        ]}
        note={h.note}
        updatedAt={h.updatedAt}
      />
      {canWrite && (
        <Space wrap className="bbt-people-actions" style={{ marginTop: 12 }}>
          {!isDeleted && (
            <Button icon={<EditOutlined />} onClick={() => onEdit(h.id)} data-testid="household-edit">
              {t('common.edit')}
            </Button>
          )}
          {!isDeleted && (
            <Popconfirm
              title={t('households.deleteConfirm', { label: name })}
              description={t('households.deleteHint')}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={onDelete}
              disabled={memberCount > 0}
            >
              <Tooltip title={memberCount > 0 ? t('households.deleteBlocked') : undefined}>
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  disabled={memberCount > 0}
                  loading={remove.isPending}
                  data-testid="household-delete"
                >
                  {t('common.delete')}
                </Button>
              </Tooltip>
            </Popconfirm>
          )}
          {isDeleted && (
            <Popconfirm
              title={t('households.restoreConfirm', { label: name })}
              okText={t('common.restore')}
              cancelText={t('common.cancel')}
              onConfirm={onRestore}
            >
              <Button icon={<RollbackOutlined />} loading={restore.isPending} data-testid="household-restore">
                {t('common.restore')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {!isDeleted && memberCount > 0 && canWrite && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('households.deleteBlocked')}
        </Typography.Paragraph>
      )}
      <Divider titlePlacement="start">{t('households.members', { count: memberCount })}</Divider>
      {canWrite && !isDeleted && (
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          onClick={() => onAddMember(h)}
          style={{ marginBottom: 12 }}
          data-testid="household-add-member"
        >
          {t('households.addMember')}
        </Button>
      )}
      {members.isError ? (
        <PageError error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <List<Person>
          loading={members.isPending}
          dataSource={members.data?.items}
          locale={{ emptyText: <EmptyState description={t('households.noMembers')} /> }}
          data-testid="household-members"
          renderItem={(p) => (
            <List.Item
              className="bbt-people-row"
              onClick={() => onOpenPerson(p.id)}
              style={{ minHeight: 44 }}
              extra={p.tags.length > 0 ? <PersonTags tags={p.tags} /> : undefined}
            >
              <List.Item.Meta
                title={
                  <Button type="link" style={{ padding: 0, height: 'auto' }} data-testid="household-member">
                    {p.name}
                  </Button>
                }
                description={memberLine(p)}
              />
            </List.Item>
          )}
        />
      )}
      <HouseholdHonours householdId={h.id} />
    </>
  );
};
