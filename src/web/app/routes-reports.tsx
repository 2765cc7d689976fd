import { lazy } from 'react';
import type { AppRoute, MenuGroup } from './routes';

/** 统计报表: the menu section of statistics, saved reports and work summaries. */
export const reportsGroup: MenuGroup = {
  key: 'reports',
  nameKey: 'menu.reports',
  icon: 'FundOutlined',
  testId: 'menu-reports',
};

/** The report pages, spread into `appRoutes` (their order is the menu order). */
export const reportRoutes: AppRoute[] = [
  {
    path: '/reports/stats',
    nameKey: 'menu.reports.stats',
    icon: 'AreaChartOutlined',
    permission: 'reports.read',
    Component: lazy(() =>
      import('../features/reports/pages/stats-page').then((m) => ({ default: m.StatsPage })),
    ),
    testId: 'menu-reports-stats',
    group: reportsGroup,
  },
  {
    path: '/reports/definitions',
    nameKey: 'menu.reports.definitions',
    icon: 'TableOutlined',
    permission: 'reports.read',
    Component: lazy(() =>
      import('../features/reports/pages/definitions-page').then((m) => ({ default: m.DefinitionsPage })),
    ),
    testId: 'menu-reports-definitions',
    group: reportsGroup,
  },
  {
    path: '/reports/summaries',
    nameKey: 'menu.reports.summaries',
    icon: 'FileTextOutlined',
    permission: 'reports.read',
    Component: lazy(() =>
      import('../features/reports/pages/summaries-page').then((m) => ({ default: m.SummariesPage })),
    ),
    testId: 'menu-reports-summaries',
    group: reportsGroup,
  },
  {
    path: '/reports/summaries/:summaryId',
    nameKey: 'menu.reports.summaries',
    icon: 'FileTextOutlined',
    permission: 'reports.read',
    Component: lazy(() =>
      import('../features/reports/pages/summary-editor-page').then((m) => ({ default: m.SummaryEditorPage })),
    ),
    testId: 'menu-reports-summary',
    group: reportsGroup,
    isHidden: true,
  },
];
