import { type Feature, lazyPage } from '../../lib/feature';

/** 任职 and 志愿队伍, listed in the 人员台账 section. */
export const peopleRolesFeature: Feature = {
  key: 'people-roles',
  routes: [
    {
      path: '/people/roles',
      nameKey: 'menu.people.roles',
      icon: 'CrownOutlined',
      permission: 'people.read',
      Component: lazyPage(() => import('./pages/roles-page'), 'RolesPage'),
      testId: 'menu-people-roles',
      group: 'people',
    },
    {
      path: '/people/teams',
      nameKey: 'menu.people.teams',
      icon: 'HeartOutlined',
      permission: 'people.read',
      Component: lazyPage(() => import('./pages/teams-page'), 'TeamsPage'),
      testId: 'menu-people-teams',
      group: 'people',
    },
  ],
  messages: {
    zh: () => import('../../i18n/people-roles-zh-cn').then((m) => m.peopleRolesZhCN),
    en: () => import('../../i18n/people-roles-en').then((m) => m.peopleRolesEn),
  },
};
