import { Menu } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAccess } from '../lib/session';
import { appRoutes, routeOf } from './routes';

export const SideMenu = ({ theme, onNavigate }: { theme: 'dark' | 'light'; onNavigate?: () => void }) => {
  const { t } = useTranslation();
  const access = useAccess();
  const location = useLocation();

  const items = useMemo(
    () =>
      appRoutes
        .filter((r) => access.can(r.permission))
        .map((r) => ({
          key: r.path,
          icon: r.icon,
          label: <Link to={r.path}>{t(r.nameKey)}</Link>,
          'data-testid': r.testId,
        })),
    [access, t],
  );
  const selected = routeOf(location.pathname)?.path;

  return (
    <Menu
      theme={theme}
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={() => onNavigate?.()}
      aria-label={t('menu.label')}
    />
  );
};
