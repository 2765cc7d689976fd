import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, roleLabels, roles } from '../../../../contracts/common/permissions';
import { type User, userStatuses } from '../../../../contracts/users';
import { EmptyState, PageError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
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
import { UserFormDrawer, type UserFormMode } from '../components/user-form-drawer';
import { UserStatusTag } from '../components/user-status-tag';

type Status = (typeof userStatuses)[number];

/** 用户管理: the accounts in the chosen scope (header switcher), with create, edit, reset and disable. */
export const UsersPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { modal, message } = App.useApp();
  const { access } = useSession();
  const isMobile = useIsMobile();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const onError = useApiErrorHandler();
  const disable = useDisableUser();
  const enable = useEnableUser();
  const list = useListParams<User>();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [formMode, setFormMode] = useState<UserFormMode | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const users = useUsers({
    q: q || undefined,
    role,
    status,
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const scopeName = tree.data?.find((n) => n.id === scopeId)?.name ?? '';

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
    onEdit: (u) => setFormMode({ type: 'edit', userId: u.id }),
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
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.users.list')}</h1>
          {scopeName && (
            <Typography.Text type="secondary">{t('common.scopeNote', { name: scopeName })}</Typography.Text>
          )}
        </div>
        {access.canWriteUsers && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormMode({ type: 'create' })}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        )}
      </div>
      <Form layout="inline" className="bbt-filters">
        <Form.Item label={t('common.keyword')} htmlFor="users-filter-keyword">
          <Input.Search
            id="users-filter-keyword"
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v.trim());
              list.resetPage();
            }}
            data-testid="users-q"
          />
        </Form.Item>
        <Form.Item label={t('users.field.role')} htmlFor="users-filter-role">
          <Select
            id="users-filter-role"
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('common.all')}
            value={role}
            onChange={(v) => {
              setRole(v);
              list.resetPage();
            }}
            options={roles.map((r) => ({ value: r, label: label(roleLabels, r) }))}
          />
        </Form.Item>
        <Form.Item label={t('users.field.status')} htmlFor="users-filter-status">
          <Select
            id="users-filter-status"
            allowClear
            style={{ minWidth: 120 }}
            placeholder={t('common.all')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              list.resetPage();
            }}
            options={userStatuses.map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
          />
        </Form.Item>
      </Form>
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
          locale={{ emptyText: <EmptyState description={t('users.empty')} /> }}
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
