import { lazy } from 'react';
import { type Feature, lazyPage } from '../../lib/feature';

/** 美丽庭院: scoring, inspections, rectifications, groups, reviews and the rubric. */
export const courtyardsFeature: Feature = {
  key: 'courtyards',
  menuGroups: [
    { key: 'courtyards', nameKey: 'menu.courtyards', icon: 'HomeOutlined', testId: 'menu-courtyards' },
  ],
  tasks: [
    {
      path: '/courtyards/score',
      nameKey: 'task.courtyards.score',
      icon: 'EditOutlined',
      permission: 'courtyards.write',
      order: 20,
      testId: 'task-courtyards-score',
    },
  ],
  routes: [
    {
      path: '/courtyards/score',
      nameKey: 'menu.courtyards.score',
      icon: 'EditOutlined',
      permission: 'courtyards.write',
      Component: lazyPage(() => import('./pages/score-page'), 'ScorePage'),
      testId: 'menu-courtyards-score',
      group: 'courtyards',
    },
    {
      path: '/courtyards/inspections',
      nameKey: 'menu.courtyards.inspections',
      icon: 'ProfileOutlined',
      permission: 'courtyards.read',
      Component: lazyPage(() => import('./pages/inspections-page'), 'InspectionsPage'),
      testId: 'menu-courtyards-inspections',
      group: 'courtyards',
    },
    {
      path: '/courtyards/households',
      nameKey: 'menu.courtyards.households',
      icon: 'FileSearchOutlined',
      permission: 'courtyards.read',
      Component: lazyPage(() => import('./pages/households-page'), 'CourtyardHouseholdsPage'),
      testId: 'menu-courtyards-households',
      group: 'courtyards',
    },
    {
      path: '/courtyards/rectifications',
      nameKey: 'menu.courtyards.rectifications',
      icon: 'ToolOutlined',
      permission: 'courtyards.read',
      Component: lazyPage(() => import('./pages/rectifications-page'), 'RectificationsPage'),
      testId: 'menu-courtyards-rectifications',
      group: 'courtyards',
    },
    {
      path: '/courtyards/groups',
      nameKey: 'menu.courtyards.groups',
      icon: 'ClusterOutlined',
      permission: 'courtyards.manage',
      Component: lazyPage(() => import('./pages/groups-page'), 'GroupsPage'),
      testId: 'menu-courtyards-groups',
      group: 'courtyards',
    },
    {
      path: '/courtyards/reviews',
      nameKey: 'menu.courtyards.reviews',
      icon: 'SafetyCertificateOutlined',
      permission: 'courtyards.manage',
      Component: lazyPage(() => import('./pages/reviews-page'), 'ReviewsPage'),
      testId: 'menu-courtyards-reviews',
      group: 'courtyards',
    },
    {
      path: '/courtyards/featured',
      nameKey: 'menu.courtyards.featured',
      icon: 'StarOutlined',
      permission: 'courtyards.read',
      Component: lazyPage(() => import('./pages/featured-page'), 'FeaturedPage'),
      testId: 'menu-courtyards-featured',
      group: 'courtyards',
    },
    {
      path: '/courtyards/notice',
      nameKey: 'menu.courtyards.notice',
      icon: 'NotificationOutlined',
      permission: 'courtyards.read',
      Component: lazyPage(() => import('./pages/notice-page'), 'NoticePage'),
      testId: 'menu-courtyards-notice',
      group: 'courtyards',
    },
    {
      path: '/courtyards/rubrics',
      nameKey: 'menu.courtyards.rubrics',
      icon: 'AuditOutlined',
      permission: 'courtyards.read',
      Component: lazyPage(() => import('./pages/rubrics-page'), 'RubricsPage'),
      testId: 'menu-courtyards-rubrics',
      group: 'courtyards',
    },
  ],
  shareViews: {
    'courtyards.notice': lazy(() =>
      import('./components/notice-sheet').then((m) => ({ default: m.SharedNotice })),
    ),
  },
  messages: {
    zh: () => import('../../i18n/courtyards-zh-cn').then((m) => m.courtyardsZhCN),
    en: () => import('../../i18n/courtyards-en').then((m) => m.courtyardsEn),
  },
};
