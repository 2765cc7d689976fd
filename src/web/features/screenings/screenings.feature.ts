import { type Feature, lazyPage } from '../../lib/feature';

/** 两癌筛查 under 维权关爱: the women mobilised and screened; records behind the screening figures open here. */
export const screeningsFeature: Feature = {
  key: 'screenings',
  menuGroups: [{ key: 'rights', nameKey: 'menu.rights', icon: 'HeartOutlined', testId: 'menu-rights' }],
  tasks: [
    {
      path: '/screenings?new=1',
      nameKey: 'task.screenings.create',
      icon: 'HeartOutlined',
      permission: 'screenings.write',
      order: 50,
      testId: 'task-screenings-create',
    },
  ],
  routes: [
    {
      path: '/screenings',
      nameKey: 'menu.screenings',
      icon: 'SafetyCertificateOutlined',
      permission: 'screenings.read',
      Component: lazyPage(() => import('./pages/screenings-page'), 'ScreeningsPage'),
      testId: 'menu-screenings',
      group: 'rights',
    },
  ],
  messages: {
    zh: () => import('../../i18n/screenings-zh-cn').then((m) => m.screeningsZhCN),
    en: () => import('../../i18n/screenings-en').then((m) => m.screeningsEn),
  },
  drillLinks: [
    {
      matches: (key) => key.startsWith('cancerScreening.'),
      to: (id) => `/screenings?screeningId=${encodeURIComponent(id)}`,
    },
  ],
};
