import { type Feature, lazyPage } from '../../lib/feature';

/** 选树典型 and 执委履职: nominations with their steps; members' duties, compliance and the contact log. */
export const honoursFeature: Feature = {
  key: 'honours',
  menuGroups: [{ key: 'honours', nameKey: 'menu.honours', icon: 'TrophyOutlined', testId: 'menu-honours' }],
  tasks: [
    {
      path: '/honours/duties?new=1',
      nameKey: 'task.honours.contact',
      icon: 'ContactsOutlined',
      permission: 'honours.write',
      order: 40,
      testId: 'task-honours-contact',
    },
  ],
  routes: [
    {
      path: '/honours',
      nameKey: 'menu.honours.nominations',
      icon: 'StarOutlined',
      permission: 'honours.read',
      Component: lazyPage(() => import('./pages/nominations-page'), 'NominationsPage'),
      testId: 'menu-honours-nominations',
      group: 'honours',
    },
    {
      path: '/honours/duties',
      nameKey: 'menu.honours.duties',
      icon: 'SolutionOutlined',
      permission: 'honours.read',
      Component: lazyPage(() => import('./pages/duties-page'), 'DutiesPage'),
      testId: 'menu-honours-duties',
      group: 'honours',
    },
  ],
  messages: {
    zh: () => import('../../i18n/honours-zh-cn').then((m) => m.honoursZhCN),
    en: () => import('../../i18n/honours-en').then((m) => m.honoursEn),
  },
  drillLinks: [
    { matches: (key) => key.startsWith('honours.'), to: () => '/honours' },
    { matches: (key) => key.startsWith('duties.'), to: () => '/honours/duties' },
  ],
};
