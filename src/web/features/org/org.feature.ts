import { type Feature, lazyPage } from '../../lib/feature';

/** 组织架构: the unit tree. */
export const orgFeature: Feature = {
  key: 'org',
  routes: [
    {
      path: '/org',
      nameKey: 'menu.org.units',
      icon: 'ApartmentOutlined',
      permission: 'org.read',
      Component: lazyPage(() => import('./pages/org-page'), 'OrgPage'),
      testId: 'menu-org',
    },
  ],
  messages: {
    zh: () => import('../../i18n/org-zh-cn').then((m) => m.orgZhCN),
    en: () => import('../../i18n/org-en').then((m) => m.orgEn),
  },
};
