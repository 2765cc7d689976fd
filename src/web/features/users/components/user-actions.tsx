import { EditOutlined, KeyOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/users';
import { useSession } from '../../../lib/session';

export type UserActionHandlers = {
  onEdit: (u: User) => void;
  onResetPassword: (u: User) => void;
  onToggleStatus: (u: User) => void;
};

/** 编辑 / 重置密码 / 停用·启用 for one account, only where the caller may manage the account's role. */
export const UserActions = ({
  user,
  onEdit,
  onResetPassword,
  onToggleStatus,
}: { user: User } & UserActionHandlers) => {
  const { t } = useTranslation();
  const { access, user: me } = useSession();
  if (!access.canManageRole(user.role)) return <span className="bbt-muted">—</span>;
  return (
    <Space size={4} wrap>
      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(user)}>
        {t('common.edit')}
      </Button>
      <Button size="small" type="link" icon={<KeyOutlined />} onClick={() => onResetPassword(user)}>
        {t('users.action.resetPassword')}
      </Button>
      {user.id !== me.id && (
        <Button
          size="small"
          type="link"
          danger={user.status === 'active'}
          onClick={() => onToggleStatus(user)}
        >
          {user.status === 'active' ? t('users.action.disable') : t('users.action.enable')}
        </Button>
      )}
    </Space>
  );
};
