import { type Feature, lazyPage } from '../../lib/feature';

/** 阵地, 网格, 妇女小组 and 换届, the 组织建设 section. */
export const orgLedgersFeature: Feature = {
  key: 'org-ledgers',
  menuGroups: [
    { key: 'org-building', nameKey: 'menu.org', icon: 'ClusterOutlined', testId: 'menu-org-building' },
  ],
  routes: [
    {
      path: '/org/sites',
      nameKey: 'menu.org.sites',
      icon: 'BankOutlined',
      permission: 'org.read',
      Component: lazyPage(() => import('./pages/sites-page'), 'SitesPage'),
      testId: 'menu-org-sites',
      group: 'org-building',
    },
    {
      path: '/org/grids',
      nameKey: 'menu.org.grids',
      icon: 'BorderOuterOutlined',
      permission: 'org.read',
      Component: lazyPage(() => import('./pages/grids-page'), 'GridsPage'),
      testId: 'menu-org-grids',
      group: 'org-building',
    },
    {
      path: '/org/women-groups',
      nameKey: 'menu.org.womenGroups',
      icon: 'UsergroupAddOutlined',
      permission: 'org.read',
      Component: lazyPage(() => import('./pages/women-groups-page'), 'WomenGroupsPage'),
      testId: 'menu-org-women-groups',
      group: 'org-building',
    },
    {
      path: '/org/elections',
      nameKey: 'menu.org.elections',
      icon: 'FlagOutlined',
      permission: 'org.read',
      Component: lazyPage(() => import('./pages/elections-page'), 'ElectionsPage'),
      testId: 'menu-org-elections',
      group: 'org-building',
    },
  ],
  messages: {
    zh: () => import('../../i18n/org-ledgers-zh-cn').then((m) => m.orgLedgersZhCN),
    en: () => import('../../i18n/org-ledgers-en').then((m) => m.orgLedgersEn),
  },
};
