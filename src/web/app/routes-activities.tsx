import { lazy } from 'react';
import type { AppRoute, MenuGroup } from './routes';

/** 活动台账: the menu section of the activity ledger. */
export const activitiesGroup: MenuGroup = {
  key: 'activities',
  nameKey: 'menu.activities',
  icon: 'CalendarOutlined',
  testId: 'menu-activities',
};

/** The activity pages, spread into `appRoutes` (their order is the menu order). */
export const activityRoutes: AppRoute[] = [
  {
    path: '/activities/quick',
    nameKey: 'menu.activities.quick',
    icon: 'FormOutlined',
    permission: 'activities.write',
    Component: lazy(() =>
      import('../features/activities/pages/quick-page').then((m) => ({ default: m.QuickPage })),
    ),
    testId: 'menu-activities-quick',
    group: activitiesGroup,
  },
  {
    path: '/activities',
    nameKey: 'menu.activities.list',
    icon: 'ScheduleOutlined',
    permission: 'activities.read',
    Component: lazy(() =>
      import('../features/activities/pages/activities-page').then((m) => ({ default: m.ActivitiesPage })),
    ),
    testId: 'menu-activities-list',
    group: activitiesGroup,
  },
  {
    path: '/activities/stats',
    nameKey: 'menu.activities.stats',
    icon: 'BarChartOutlined',
    permission: 'activities.read',
    Component: lazy(() =>
      import('../features/reports/pages/stats-page').then((m) => ({ default: m.StatsPage })),
    ),
    testId: 'menu-activities-stats',
    group: activitiesGroup,
  },
  {
    path: '/activities/campaigns',
    nameKey: 'menu.activities.campaigns',
    icon: 'TrophyOutlined',
    permission: 'activities.read',
    Component: lazy(() =>
      import('../features/activities/pages/campaigns-page').then((m) => ({ default: m.CampaignsPage })),
    ),
    testId: 'menu-activities-campaigns',
    group: activitiesGroup,
  },
  {
    path: '/activities/patrols',
    nameKey: 'menu.activities.patrols',
    icon: 'FireOutlined',
    permission: 'activities.read',
    Component: lazy(() =>
      import('../features/activities/pages/patrols-page').then((m) => ({ default: m.PatrolsPage })),
    ),
    testId: 'menu-activities-patrols',
    group: activitiesGroup,
  },
];
