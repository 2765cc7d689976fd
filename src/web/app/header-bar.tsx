import {
  ApartmentOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { roleLabels } from '../../contracts/common/permissions';
import { DemoTag } from '../components/demo-tag';
import { LanguageSwitch } from '../components/language-switch';
import { OrgTreeSelect } from '../components/org-tree-select';
import { useLogout } from '../features/auth/api/logout';
import { ChangePasswordModal } from '../features/auth/components/change-password-modal';
import { setLanguage } from '../i18n';
import { useLabel } from '../lib/labels';
import { OutboxBadge } from '../lib/offline/outbox-badge';
import { clearOfflineCaches } from '../lib/offline/service-worker';
import { useConfirmSignOut } from '../lib/offline/use-queued-notice';
import { useOrgScope } from '../lib/org-scope';
import { useSession } from '../lib/session';

type HeaderBarProps = {
  isMobile: boolean;
  isCollapsed: boolean;
  onToggleMenu: () => void;
};

export const HeaderBar = ({ isMobile, isCollapsed, onToggleMenu }: HeaderBarProps) => {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { user, demo } = useSession();
  const { scopeId, setScopeId, homeId } = useOrgScope();
  const logout = useLogout();
  const navigate = useNavigate();
  const [isPasswordOpen, setPasswordOpen] = useState(false);
  const confirmSignOut = useConfirmSignOut();
  const isEn = i18n.language.startsWith('en');

  const onLogout = () => {
    // Her cached answers (session, households) must not open for whoever uses the phone next.
    void clearOfflineCaches();
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  const menuItems: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="bbt-menu-who">
          <div>{user.displayName}</div>
          <small className="bbt-muted">
            {user.orgUnit.name} · {label(roleLabels, user.role)}
          </small>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
    ...(isMobile ? [{ key: 'language', icon: <GlobalOutlined />, label: isEn ? '中文' : 'English' }] : []),
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
  ];

  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'language') setLanguage(isEn ? 'zh-CN' : 'en');
    if (key === 'logout') confirmSignOut(onLogout);
  };

  return (
    <header className="bbt-header">
      <Button
        type="text"
        icon={isMobile ? <MenuOutlined /> : isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        onClick={onToggleMenu}
        aria-label={t('shell.toggleMenu')}
        data-testid="menu-toggle"
        className="bbt-touch"
      />
      {demo && <DemoTag isShort={isMobile} />}
      <div className="bbt-header-spacer" />
      <div className="bbt-scope">
        {!isMobile && (
          <Tooltip title={t('shell.scope.hint')}>
            <span className="bbt-muted">
              <ApartmentOutlined /> {t('shell.scope')}
            </span>
          </Tooltip>
        )}
        <OrgTreeSelect
          className="bbt-scope-select"
          value={scopeId}
          valueName={scopeId === homeId ? user.orgUnit.name : undefined}
          onChange={(id) => setScopeId(id ?? homeId)}
          allowDissolved
          aria-label={t('shell.scope')}
          data-testid="org-scope"
        />
      </div>
      <OutboxBadge isMobile={isMobile} />
      {!isMobile && <LanguageSwitch />}
      <Dropdown menu={{ items: menuItems, onClick: onMenuClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          className="bbt-user-button"
          data-testid="user-menu"
          aria-label={t('shell.userMenu')}
        >
          <Avatar size="small" icon={<UserOutlined />} />
          {!isMobile && (
            <span className="bbt-header-user">
              <span>{user.displayName}</span>
              <small>{user.orgUnit.name}</small>
            </span>
          )}
        </Button>
      </Dropdown>
      <ChangePasswordModal open={isPasswordOpen} onClose={() => setPasswordOpen(false)} />
    </header>
  );
};
