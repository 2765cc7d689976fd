import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Role, roleLabels } from '../../../../contracts/common/permissions';
import { createUserInputSchema } from '../../../../contracts/users';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { PageError, PageLoading } from '../../../components/page-states';
import { zodRule } from '../../../lib/form-rules';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useCreateUser } from '../api/create-user';
import { useUser } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';

type FormValues = {
  username: string;
  displayName: string;
  orgUnitId: string;
  role: Role;
  password?: string;
  phone?: string;
};

export type UserFormMode = { type: 'create' } | { type: 'edit'; userId: string };

type Props = { mode: UserFormMode | null; onClose: () => void };

/** 新增用户 / 编辑用户: unit from the caller's subtree, a role she may grant, the password policy spelled out. */
export const UserFormDrawer = ({ mode, onClose }: Props) =>
  mode ? <UserFormDialog mode={mode} onClose={onClose} /> : null;

/** Mounted per opening; an edit waits for the freshest copy of the account before showing the form. */
const UserFormDialog = ({ mode, onClose }: { mode: UserFormMode; onClose: () => void }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const editingId = mode.type === 'edit' ? mode.userId : undefined;
  const existing = useUser(editingId);
  const u = existing.data;
  const create = useCreateUser();
  const update = useUpdateUser();
  const onError = useApiErrorHandler();
  const shape = createUserInputSchema.shape;
  const isCreate = mode.type === 'create';

  const onSubmit = async () => {
    const v = await form.validateFields();
    const handlers = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => onError(e, form, onClose),
    };
    const phone = v.phone?.trim() || undefined;
    if (isCreate) {
      create.mutate(
        {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          orgUnitId: v.orgUnitId,
          role: v.role,
          password: v.password as string,
          phone,
        },
        handlers,
      );
    } else if (u) {
      update.mutate(
        {
          id: u.id,
          version: u.version,
          displayName: v.displayName.trim(),
          orgUnitId: v.orgUnitId,
          role: v.role,
          phone: phone ?? null,
        },
        handlers,
      );
    }
  };

  // Her own role may be outside what she can grant when editing someone else's equal account; keep it visible.
  const roleOptions = [...new Set<Role>([...access.grantableRoles, ...(u ? [u.role] : [])])].map((r) => ({
    value: r,
    label: label(roleLabels, r),
    disabled: !access.grantableRoles.includes(r),
  }));
  const isLoadingEdit = !isCreate && existing.isPending;
  const initialValues: Partial<FormValues> = u
    ? {
        username: u.username,
        displayName: u.displayName,
        orgUnitId: u.orgUnitId,
        role: u.role,
        phone: u.phone ?? undefined,
      }
    : { orgUnitId: scopeId, role: access.grantableRoles.includes('cadre') ? 'cadre' : undefined };
  const isFormShown = isCreate || Boolean(u);

  return (
    <Drawer
      open
      onClose={onClose}
      title={isCreate ? t('users.create') : t('users.edit')}
      size={isMobile ? '100%' : 480}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void onSubmit().catch(() => undefined)}
            loading={create.isPending || update.isPending}
            disabled={isLoadingEdit || existing.isError}
            data-testid="user-form-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {isLoadingEdit && <PageLoading rows={4} />}
      {!isCreate && existing.isError && (
        <PageError error={existing.error} onRetry={() => void existing.refetch()} />
      )}
      {isFormShown && (
        <Form form={form} layout="vertical" initialValues={initialValues}>
          <Form.Item
            label={t('users.field.username')}
            name="username"
            extra={isCreate ? t('users.hint.username') : undefined}
            rules={
              isCreate
                ? [
                    { required: true, whitespace: true, message: t('users.rule.usernameRequired') },
                    zodRule(shape.username, t('users.hint.username')),
                  ]
                : []
            }
          >
            <Input
              disabled={!isCreate}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={32}
            />
          </Form.Item>
          <Form.Item
            label={t('users.field.displayName')}
            name="displayName"
            rules={[
              { required: true, whitespace: true, message: t('users.rule.displayNameRequired') },
              zodRule(shape.displayName, t('users.rule.displayName')),
            ]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            label={t('users.field.orgUnit')}
            name="orgUnitId"
            rules={[{ required: true, message: t('users.rule.orgUnit') }]}
          >
            <OrgTreeSelect data-testid="user-form-org" />
          </Form.Item>
          <Form.Item
            label={t('users.field.role')}
            name="role"
            rules={[{ required: true, message: t('users.rule.role') }]}
          >
            <Select
              options={roleOptions}
              placeholder={t('common.pleaseSelect')}
              data-testid="user-form-role"
            />
          </Form.Item>
          {isCreate && (
            <Form.Item
              label={t('users.field.password')}
              name="password"
              extra={t('password.policy')}
              rules={[
                { required: true, message: t('password.required') },
                zodRule(shape.password, t('password.policy')),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item
            label={t('users.field.phone')}
            name="phone"
            rules={[zodRule(shape.phone.unwrap(), t('users.rule.phone'))]}
          >
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
          {isCreate && <Alert type="info" showIcon title={t('users.hint.firstLogin')} />}
        </Form>
      )}
    </Drawer>
  );
};
