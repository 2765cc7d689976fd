import { App, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, roleLabels, roles } from '../../../../contracts/common/permissions';
import { type User, userStatuses } from '../../../../contracts/users';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import type { LedgerFormMode } from '../../../components/ledger-form-drawer';
import { LedgerEmpty, LedgerPageHeader } from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { PageError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useListParams } from '../../../lib/use-list-params';
import { useDisableUser } from '../api/disable-user';
import { useEnableUser } from '../api/enable-user';
import { useUsers } from '../api/list-users';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { type UserActionHandlers, UserActions } from '../components/user-actions';
import { UserCards } from '../components/user-cards';
import { UserFormDrawer } from '../components/user-form-drawer';
import { UserStatusTag } from '../components/user-status-tag';

type Filters = { q?: string; role?: Role; status?: (typeof userStatuses)[number] };

/** 用户管理: the accounts in the chosen scope (header switcher), with create, edit, reset and disable. */
export const UsersPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { modal, message } = App.useApp();
  const { access } = useSession();
  const isMobile = useIsMobile();
  const onError = useApiErrorHandler();
  const disable = useDisableUser();
  const enable = useEnableUser();
  const list = useListParams<User>();
  const filters = useLedgerFilters<Filters>({}, { list });
  const [formMode, setFormMode] = useState<LedgerFormMode | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const users = useUsers(filters.query);

  const toggleStatus = (u: User) => {
    const isDisabling = u.status === 'active';
    modal.confirm({
      title: t(isDisabling ? 'users.disableConfirm' : 'users.enableConfirm', { name: u.displayName }),
      content: isDisabling ? t('users.disableHint') : undefined,
      okText: isDisabling ? t('users.action.disable') : t('users.action.enable'),
      okButtonProps: { danger: isDisabling },
      cancelText: t('common.cancel'),
      onOk: () =>
        (isDisabling ? disable : enable).mutateAsync({ id: u.id, version: u.version }).then(
          () => void message.success(isDisabling ? t('users.disabled') : t('users.enabled')),
          (e: unknown) => onError(e),
        ),
    });
  };

  const handlers: UserActionHandlers = {
    onEdit: (u) => setFormMode({ type: 'edit', id: u.id }),
    onResetPassword: setResetting,
    onToggleStatus: toggleStatus,
  };

  const columns: TableProps<User>['columns'] = [
    { title: t('users.field.username'), dataIndex: 'username', sorter: true },
    { title: t('users.field.displayName'), dataIndex: 'displayName', sorter: true },
    { title: t('users.field.role'), dataIndex: 'role', render: (r: Role) => label(roleLabels, r) },
    { title: t('users.field.orgUnit'), dataIndex: 'orgUnitName' },
    { title: t('users.field.status'), key: 'status', render: (_, u) => <UserStatusTag user={u} /> },
    {
      title: t('users.field.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      sorter: true,
      render: (d: string | null) =>
        d ? formatDateTime(d) : <span className="bbt-muted">{t('users.neverLoggedIn')}</span>,
    },
    ...(access.canWriteUsers
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, u: User) => <UserActions user={u} {...handlers} />,
          },
        ]
      : []),
  ];

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.users.list')}
        toolbar={
          access.canWriteUsers && (
            <CreateButton
              label={t('users.create')}
              onCreate={() => setFormMode({ type: 'create' })}
              testId="user-create"
            />
          )
        }
      />
      <LedgerFilters<Filters>
        idPrefix="users"
        filters={filters}
        fields={[
          {
            kind: 'search',
            key: 'q',
            label: t('common.keyword'),
            placeholder: t('users.searchPlaceholder'),
          },
          {
            kind: 'select',
            key: 'role',
            label: t('users.field.role'),
            options: roles.map((r) => ({ value: r, label: label(roleLabels, r) })),
          },
          {
            kind: 'select',
            key: 'status',
            label: t('users.field.status'),
            width: 120,
            options: userStatuses.map((s) => ({ value: s, label: t(`users.status.${s}`) })),
          },
        ]}
      />
      {users.isError ? (
        <PageError error={users.error} onRetry={() => void users.refetch()} />
      ) : isMobile ? (
        <UserCards
          users={users.data?.items}
          isLoading={users.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          total={users.data?.total ?? 0}
          onPageChange={list.setPage}
          {...handlers}
        />
      ) : (
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items}
          loading={users.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <LedgerEmpty isFiltered={filters.isFiltered} text={t('users.empty')} /> }}
          onChange={list.onTableChange}
          pagination={list.pagination(users.data?.total)}
          data-testid="users-table"
        />
      )}
      <UserFormDrawer mode={formMode} onClose={() => setFormMode(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
};
