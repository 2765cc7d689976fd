import { type Feature, lazyPage } from '../../lib/feature';

/** 活动台账: 快速登记, activities, campaigns and patrols; records behind activity and patrol figures open here. */
export const activitiesFeature: Feature = {
  key: 'activities',
  menuGroups: [
    { key: 'activities', nameKey: 'menu.activities', icon: 'CalendarOutlined', testId: 'menu-activities' },
  ],
  tasks: [
    {
      path: '/activities/quick',
      nameKey: 'task.activities.quick',
      icon: 'FormOutlined',
      permission: 'activities.write',
      order: 10,
      testId: 'task-activities-quick',
    },
    {
      path: '/activities/patrols?new=1',
      nameKey: 'task.activities.patrol',
      icon: 'FireOutlined',
      permission: 'activities.write',
      order: 30,
      testId: 'task-activities-patrol',
    },
  ],
  routes: [
    {
      path: '/activities/quick',
      nameKey: 'menu.activities.quick',
      icon: 'FormOutlined',
      permission: 'activities.write',
      Component: lazyPage(() => import('./pages/quick-page'), 'QuickPage'),
      testId: 'menu-activities-quick',
      group: 'activities',
    },
    {
      path: '/activities',
      nameKey: 'menu.activities.list',
      icon: 'ScheduleOutlined',
      permission: 'activities.read',
      Component: lazyPage(() => import('./pages/activities-page'), 'ActivitiesPage'),
      testId: 'menu-activities-list',
      group: 'activities',
    },
    {
      path: '/activities/campaigns',
      nameKey: 'menu.activities.campaigns',
      icon: 'TrophyOutlined',
      permission: 'activities.read',
      Component: lazyPage(() => import('./pages/campaigns-page'), 'CampaignsPage'),
      testId: 'menu-activities-campaigns',
      group: 'activities',
    },
    {
      path: '/activities/patrols',
      nameKey: 'menu.activities.patrols',
      icon: 'FireOutlined',
      permission: 'activities.read',
      Component: lazyPage(() => import('./pages/patrols-page'), 'PatrolsPage'),
      testId: 'menu-activities-patrols',
      group: 'activities',
    },
  ],
  messages: {
    zh: () => import('../../i18n/activities-zh-cn').then((m) => m.activitiesZhCN),
    en: () => import('../../i18n/activities-en').then((m) => m.activitiesEn),
  },
  drillLinks: [
    {
      matches: (key) => key.startsWith('activities.') && key !== 'activities.sites',
      to: (id) => `/activities?activityId=${encodeURIComponent(id)}`,
    },
    {
      matches: (key) => key.startsWith('patrols.'),
      to: (id) => `/activities/patrols?patrolId=${encodeURIComponent(id)}`,
    },
  ],
};
