import { Alert, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Role, roleLabels } from '../../../../contracts/common/permissions';
import { createUserInputSchema } from '../../../../contracts/users';
import {
  LedgerFormDrawer,
  type LedgerFormMode,
  type LedgerFormProps,
  useLedgerForm,
} from '../../../components/ledger-form-drawer';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { zodRule } from '../../../lib/form-rules';
import { trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
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

type Props = { mode: LedgerFormMode | null; onClose: () => void };

/** 新增用户 / 编辑用户: unit from the caller's subtree, a role she may grant, the password policy spelled out. */
export const UserFormDrawer = ({ mode, onClose }: Props) =>
  mode ? <UserFormDialog mode={mode} onClose={onClose} /> : null;

/** Mounted per opening; an edit waits for the freshest copy of the account before showing the form. */
const UserFormDialog = ({ mode, onClose }: LedgerFormProps) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const shape = createUserInputSchema.shape;
  const ledger = useLedgerForm({
    onClose,
    mode,
    useRecord: useUser,
    create: useCreateUser(),
    update: useUpdateUser(),
    toCreate: (v: FormValues) => ({
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      orgUnitId: v.orgUnitId,
      role: v.role,
      password: v.password as string,
      phone: trimmed(v.phone),
    }),
    toUpdate: (v, rec) => ({
      id: rec.id,
      version: rec.version,
      displayName: v.displayName.trim(),
      orgUnitId: v.orgUnitId,
      role: v.role,
      phone: trimmed(v.phone) ?? null,
    }),
  });
  const { isCreate, record: u } = ledger;

  // Her own role may be outside what she can grant when editing someone else's equal account; keep it visible.
  const roleOptions = [...new Set<Role>([...access.grantableRoles, ...(u ? [u.role] : [])])].map((r) => ({
    value: r,
    label: label(roleLabels, r),
    disabled: !access.grantableRoles.includes(r),
  }));
  const initialValues: Partial<FormValues> = u
    ? {
        username: u.username,
        displayName: u.displayName,
        orgUnitId: u.orgUnitId,
        role: u.role,
        phone: u.phone ?? undefined,
      }
    : { orgUnitId: scopeId, role: access.grantableRoles.includes('cadre') ? 'cadre' : undefined };

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={isCreate ? t('users.create') : t('users.edit')}
      testId="user"
      initialValues={initialValues}
    >
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
        <Select options={roleOptions} placeholder={t('common.pleaseSelect')} data-testid="user-form-role" />
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
    </LedgerFormDrawer>
  );
};
