import { type Feature, lazyPage } from '../../lib/feature';

/** 用户管理. */
export const usersFeature: Feature = {
  key: 'users',
  routes: [
    {
      path: '/users',
      nameKey: 'menu.users.list',
      icon: 'TeamOutlined',
      permission: 'users.read',
      Component: lazyPage(() => import('./pages/users-page'), 'UsersPage'),
      testId: 'menu-users',
    },
  ],
  messages: {
    zh: () => import('../../i18n/users-zh-cn').then((m) => m.usersZhCN),
    en: () => import('../../i18n/users-en').then((m) => m.usersEn),
  },
};
