import { type Feature, lazyPage } from '../../lib/feature';

/** 人员台账: persons and households. */
export const peopleFeature: Feature = {
  key: 'people',
  menuGroups: [{ key: 'people', nameKey: 'menu.people', icon: 'SolutionOutlined', testId: 'menu-people' }],
  routes: [
    {
      path: '/people/persons',
      nameKey: 'menu.people.persons',
      icon: 'IdcardOutlined',
      permission: 'people.read',
      Component: lazyPage(() => import('./pages/persons-page'), 'PersonsPage'),
      testId: 'menu-people-persons',
      group: 'people',
    },
    {
      path: '/people/households',
      nameKey: 'menu.people.households',
      icon: 'ContactsOutlined',
      permission: 'people.read',
      Component: lazyPage(() => import('./pages/households-page'), 'HouseholdsPage'),
      testId: 'menu-people-households',
      group: 'people',
    },
  ],
  messages: {
    zh: () => import('../../i18n/people-zh-cn').then((m) => m.peopleZhCN),
    en: () => import('../../i18n/people-en').then((m) => m.peopleEn),
  },
};
