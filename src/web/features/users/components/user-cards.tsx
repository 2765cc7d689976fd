import { Card, Descriptions, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '../../../../contracts/common/permissions';
import type { User } from '../../../../contracts/users';
import { EmptyState } from '../../../components/page-states';
import { CardsPager } from '../../../components/record-cards';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { type UserActionHandlers, UserActions } from './user-actions';
import { UserStatusTag } from './user-status-tag';

type Props = UserActionHandlers & {
  users: User[] | undefined;
  isLoading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number, pageSize: number) => void;
};

/** Phones: one card per account instead of a wide table, actions within thumb reach. */
export const UserCards = ({ users, isLoading, page, pageSize, total, onPageChange, ...handlers }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  return (
    <>
      <List<User>
        loading={isLoading}
        dataSource={users}
        locale={{ emptyText: <EmptyState description={t('users.empty')} /> }}
        renderItem={(u) => (
          <List.Item style={{ padding: '6px 0', border: 'none' }}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={`${u.displayName}（${u.username}）`}
              extra={<UserStatusTag user={u} />}
              data-testid="user-card"
            >
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'role', label: t('users.field.role'), children: label(roleLabels, u.role) },
                  { key: 'unit', label: t('users.field.orgUnit'), children: u.orgUnitName },
                  {
                    key: 'last',
                    label: t('users.field.lastLoginAt'),
                    children: u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.neverLoggedIn'),
                  },
                ]}
              />
              {access.canWriteUsers && <UserActions user={u} {...handlers} />}
            </Card>
          </List.Item>
        )}
      />
      <CardsPager page={page} pageSize={pageSize} total={total} onPageChange={onPageChange} />
    </>
  );
};
