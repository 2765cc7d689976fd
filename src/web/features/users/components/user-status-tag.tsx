import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/users';

export const isLocked = (u: Pick<User, 'lockedUntil'>) =>
  Boolean(u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now());

export const UserStatusTag = ({ user }: { user: User }) => {
  const { t } = useTranslation();
  return (
    <>
      {user.status === 'active' ? (
        <Tag color="green">{t('users.status.active')}</Tag>
      ) : (
        <Tag color="default">{t('users.status.disabled')}</Tag>
      )}
      {isLocked(user) && <Tag color="orange">{t('users.status.locked')}</Tag>}
    </>
  );
};
