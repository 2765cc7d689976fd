import { Menu, type MenuProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAccess } from '../lib/session';
import { menuIcons } from './menu-icons';
import { appRoutes, menuGroups, routeOf } from './routes';

type MenuItem = NonNullable<MenuProps['items']>[number];

export const SideMenu = ({ theme, onNavigate }: { theme: 'dark' | 'light'; onNavigate?: () => void }) => {
  const { t } = useTranslation();
  const access = useAccess();
  const location = useLocation();

  const items = useMemo(() => {
    const out: MenuItem[] = [];
    const groups = new Map<string, MenuItem[]>();
    for (const r of appRoutes.filter((route) => !route.isHidden && access.can(route.permission))) {
      const item = {
        key: r.path,
        icon: menuIcons[r.icon],
        label: <Link to={r.path}>{t(r.nameKey)}</Link>,
        'data-testid': r.testId,
      };
      const group = r.group ? menuGroups.get(r.group) : undefined;
      if (!group) {
        out.push(item);
        continue;
      }
      const children = groups.get(group.key);
      if (children) {
        children.push(item);
        continue;
      }
      // The section takes the place of its first route; later routes of the section join it.
      const first = [item];
      groups.set(group.key, first);
      out.push({
        key: `group:${group.key}`,
        icon: menuIcons[group.icon],
        label: <span data-testid={group.testId}>{t(group.nameKey)}</span>,
        children: first,
      });
    }
    return out;
  }, [access, t]);
  const current = routeOf(location.pathname);
  const selected = current?.path;
  const currentGroup = current?.group ? `group:${current.group}` : undefined;
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);

  return (
    <Menu
      theme={theme}
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={() => onNavigate?.()}
      aria-label={t('menu.label')}
    />
  );
};
