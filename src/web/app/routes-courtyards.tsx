import { lazy } from 'react';
import type { AppRoute, MenuGroup } from './routes';

/** 美丽庭院: the menu section of the courtyard programme. */
export const courtyardsGroup: MenuGroup = {
  key: 'courtyards',
  nameKey: 'menu.courtyards',
  icon: 'HomeOutlined',
  testId: 'menu-courtyards',
};

/** The courtyard pages, spread into `appRoutes` (their order is the menu order). */
export const courtyardRoutes: AppRoute[] = [
  {
    path: '/courtyards/score',
    nameKey: 'menu.courtyards.score',
    icon: 'EditOutlined',
    permission: 'courtyards.write',
    Component: lazy(() =>
      import('../features/courtyards/pages/score-page').then((m) => ({ default: m.ScorePage })),
    ),
    testId: 'menu-courtyards-score',
    group: courtyardsGroup,
  },
  {
    path: '/courtyards/inspections',
    nameKey: 'menu.courtyards.inspections',
    icon: 'ProfileOutlined',
    permission: 'courtyards.read',
    Component: lazy(() =>
      import('../features/courtyards/pages/inspections-page').then((m) => ({ default: m.InspectionsPage })),
    ),
    testId: 'menu-courtyards-inspections',
    group: courtyardsGroup,
  },
  {
    path: '/courtyards/households',
    nameKey: 'menu.courtyards.households',
    icon: 'FileSearchOutlined',
    permission: 'courtyards.read',
    Component: lazy(() =>
      import('../features/courtyards/pages/households-page').then((m) => ({
        default: m.CourtyardHouseholdsPage,
      })),
    ),
    testId: 'menu-courtyards-households',
    group: courtyardsGroup,
  },
  {
    path: '/courtyards/rectifications',
    nameKey: 'menu.courtyards.rectifications',
    icon: 'ToolOutlined',
    permission: 'courtyards.read',
    Component: lazy(() =>
      import('../features/courtyards/pages/rectifications-page').then((m) => ({
        default: m.RectificationsPage,
      })),
    ),
    testId: 'menu-courtyards-rectifications',
    group: courtyardsGroup,
  },
  {
    path: '/courtyards/groups',
    nameKey: 'menu.courtyards.groups',
    icon: 'ClusterOutlined',
    permission: 'courtyards.read',
    Component: lazy(() =>
      import('../features/courtyards/pages/groups-page').then((m) => ({ default: m.GroupsPage })),
    ),
    testId: 'menu-courtyards-groups',
    group: courtyardsGroup,
  },
  {
    path: '/courtyards/reviews',
    nameKey: 'menu.courtyards.reviews',
    icon: 'SafetyCertificateOutlined',
    permission: 'courtyards.read',
    Component: lazy(() =>
      import('../features/courtyards/pages/reviews-page').then((m) => ({ default: m.ReviewsPage })),
    ),
    testId: 'menu-courtyards-reviews',
    group: courtyardsGroup,
  },
  {
    path: '/courtyards/featured',
    nameKey: 'menu.courtyards.featured',
    icon: 'StarOutlined',
    permission: 'courtyards.read',
    Component: lazy(() =>
      import('../features/courtyards/pages/featured-page').then((m) => ({ default: m.FeaturedPage })),
    ),
    testId: 'menu-courtyards-featured',
    group: courtyardsGroup,
  },
  {
    path: '/courtyards/notice',
    nameKey: 'menu.courtyards.notice',
    icon: 'NotificationOutlined',
    permission: 'courtyards.read',
    Component: lazy(() =>
      import('../features/courtyards/pages/notice-page').then((m) => ({ default: m.NoticePage })),
    ),
    testId: 'menu-courtyards-notice',
    group: courtyardsGroup,
  },
  {
    path: '/courtyards/rubrics',
    nameKey: 'menu.courtyards.rubrics',
    icon: 'AuditOutlined',
    permission: 'courtyards.read',
    Component: lazy(() =>
      import('../features/courtyards/pages/rubrics-page').then((m) => ({ default: m.RubricsPage })),
    ),
    testId: 'menu-courtyards-rubrics',
    group: courtyardsGroup,
  },
];
