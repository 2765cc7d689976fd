import { lazy } from 'react';
import { type Feature, lazyPage } from '../../lib/feature';

/**
 * 工作台 (the page; app/landing.feature.ts routes `/` to it) and 统计报表: statistics (also under 活动台账),
 * saved reports and summaries.
 */
export const reportsFeature: Feature = {
  key: 'reports',
  menuGroups: [{ key: 'reports', nameKey: 'menu.reports', icon: 'FundOutlined', testId: 'menu-reports' }],
  shareViews: {
    'reports.summary': lazy(() =>
      import('../../components/plain-document').then((m) => ({ default: m.PlainDocumentView })),
    ),
  },
  routes: [
    {
      path: '/activities/stats',
      nameKey: 'menu.activities.stats',
      icon: 'BarChartOutlined',
      permission: 'activities.read',
      Component: lazyPage(() => import('./pages/stats-page'), 'StatsPage'),
      testId: 'menu-activities-stats',
      group: 'activities',
      menuAfter: '/activities',
    },
    {
      path: '/reports/stats',
      nameKey: 'menu.reports.stats',
      icon: 'AreaChartOutlined',
      permission: 'reports.read',
      Component: lazyPage(() => import('./pages/stats-page'), 'StatsPage'),
      testId: 'menu-reports-stats',
      group: 'reports',
    },
    {
      path: '/reports/definitions',
      nameKey: 'menu.reports.definitions',
      icon: 'TableOutlined',
      permission: 'reports.read',
      Component: lazyPage(() => import('./pages/definitions-page'), 'DefinitionsPage'),
      testId: 'menu-reports-definitions',
      group: 'reports',
    },
    {
      path: '/reports/summaries',
      nameKey: 'menu.reports.summaries',
      icon: 'FileTextOutlined',
      permission: 'reports.read',
      Component: lazyPage(() => import('./pages/summaries-page'), 'SummariesPage'),
      testId: 'menu-reports-summaries',
      group: 'reports',
    },
    {
      path: '/reports/summaries/:summaryId',
      nameKey: 'menu.reports.summaries',
      icon: 'FileTextOutlined',
      permission: 'reports.read',
      Component: lazyPage(() => import('./pages/summary-editor-page'), 'SummaryEditorPage'),
      testId: 'menu-reports-summary',
      group: 'reports',
      isHidden: true,
    },
  ],
  messages: {
    zh: () => import('../../i18n/reports-zh-cn').then((m) => m.reportsZhCN),
    en: () => import('../../i18n/reports-en').then((m) => m.reportsEn),
  },
};
