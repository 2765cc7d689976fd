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
};
