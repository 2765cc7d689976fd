import { App, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionGroup } from '../../../../contracts/courtyards';
import { LedgerActions } from '../../../components/ledger-actions';
import { EmptyState, PageError } from '../../../components/page-states';
import { RecordCards } from '../../../components/record-cards';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useDeleteGroup, useRestoreGroup } from '../api/delete-group';
import { useGroups } from '../api/list-groups';
import { AssignmentBoard } from '../components/assignment-board';
import { GroupFormDrawer } from '../components/group-form-drawer';
import { MonthPicker } from '../components/month-picker';
import { thisMonth } from '../lib/month';
import { useUnits } from '../lib/use-units';
import '../../../components/ledger.css';
import '../lib/courtyards.css';
import { CreateButton, StatusSelect } from '../../../components/ledger-toolbar';

/** 验收小组: the town's cross-village groups, and the month's assignment of villages to them. */
export const GroupsPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useSession();
  const isPhone = useIsPhone();
  const onError = useApiErrorHandler();
  const units = useUnits();
  const [townId, setTownId] = useState<string | undefined>();
  const town = townId ?? units.scopeTownId;
  const [month, setMonth] = useState(thisMonth());
  const [status, setStatus] = useState<'active' | 'deleted'>('active');
  const [editing, setEditing] = useState<InspectionGroup | 'new' | null>(null);
  const groups = useGroups({ orgUnitId: town, pageSize: 200, status }, Boolean(town));
  const remove = useDeleteGroup();
  const restore = useRestoreGroup();
  const canManage = access.can('courtyards.manage');
  const villageName = units.nameOf;

  const actions = (g: InspectionGroup) =>
    canManage ? (
      <LedgerActions
        name={g.name}
        isDeleted={g.deletedAt !== null}
        onEdit={() => setEditing(g)}
        onDelete={() =>
          remove.mutateAsync({ id: g.id, version: g.version }).then(
            () => void message.success(t('common.deleted')),
            (e: unknown) => onError(e),
          )
        }
        onRestore={() =>
          restore.mutateAsync({ id: g.id, version: g.version }).then(
            () => void message.success(t('common.restored')),
            (e: unknown) => onError(e),
          )
        }
        isDeleting={remove.isPending}
        isRestoring={restore.isPending}
        testIdPrefix="group"
      />
    ) : null;
  const empty = (
    <EmptyState description={status === 'deleted' ? t('ledger.emptyDeleted') : t('courtyards.group.empty')} />
  );

  const groupsView = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusSelect value={status} onChange={setStatus} />
        {canManage && (
          <CreateButton
            label={t('courtyards.group.create')}
            onCreate={() => setEditing('new')}
            testId="group-create"
          />
        )}
      </Space>
      {groups.isError ? (
        <PageError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : isPhone ? (
        <RecordCards<InspectionGroup>
          items={groups.data?.items}
          isLoading={groups.isFetching}
          page={1}
          pageSize={200}
          total={groups.data?.total ?? 0}
          onPageChange={() => undefined}
          onOpen={(g) => canManage && !g.deletedAt && setEditing(g)}
          empty={empty}
          title={(g) => g.name}
          fields={(g) => [
            { key: 'members', label: t('courtyards.group.members'), children: g.memberNames.join('、') },
            {
              key: 'home',
              label: t('courtyards.group.homeVillages'),
              children: g.homeVillageIds.map(villageName).join('、') || '—',
            },
          ]}
          testId="group-card"
        />
      ) : (
        <Table<InspectionGroup>
          rowKey="id"
          size="middle"
          loading={groups.isFetching}
          dataSource={groups.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          columns={[
            { title: t('courtyards.group.name'), dataIndex: 'name' },
            {
              title: t('courtyards.group.members'),
              dataIndex: 'memberNames',
              render: (n: string[]) => n.join('、'),
            },
            {
              title: t('courtyards.group.homeVillages'),
              dataIndex: 'homeVillageIds',
              render: (ids: string[]) => ids.map((id) => <Tag key={id}>{villageName(id)}</Tag>),
            },
            { title: t('courtyards.field.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            { title: t('common.actions'), key: 'a', render: (_: unknown, g) => actions(g) },
          ]}
        />
      )}
    </>
  );

  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.courtyards.groups')}</h1>
          <Typography.Text type="secondary">{t('courtyards.group.hint')}</Typography.Text>
        </div>
      </div>
      <div className="bbt-filters-compact">
        {units.towns.length > 1 && (
          <Select
            value={town}
            onChange={setTownId}
            options={units.towns.map((x) => ({ value: x.id, label: x.name }))}
            aria-label={t('courtyards.field.town')}
          />
        )}
        {town && <MonthPicker value={month} onChange={setMonth} data-testid="groups-month" />}
      </div>
      {!town ? (
        <EmptyState description={t('courtyards.noTown')} />
      ) : (
        <Tabs
          items={[
            {
              key: 'assignment',
              label: t('courtyards.assignment.title', { month }),
              children: <AssignmentBoard townId={town} month={month} />,
            },
            { key: 'groups', label: t('courtyards.group.list'), children: groupsView },
          ]}
        />
      )}
      {editing && (
        <GroupFormDrawer
          group={editing === 'new' ? null : editing}
          townId={town}
          towns={units.towns}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
};
