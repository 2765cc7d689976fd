import { type Feature, lazyPage } from '../../lib/feature';

/**
 * 维权关爱: key people and their monthly screening (phone checklist), 结对帮扶 and 走访 (phone), mediation
 * cases, the access log.
 */
export const careFeature: Feature = {
  key: 'care',
  menuGroups: [{ key: 'care', nameKey: 'menu.care', icon: 'HeartOutlined', testId: 'menu-care' }],
  tasks: [
    {
      path: '/care/screening',
      nameKey: 'task.care.screening',
      icon: 'SafetyCertificateOutlined',
      permission: 'care.write',
      order: 35,
      testId: 'task-care-screening',
    },
    {
      path: '/care/visits',
      nameKey: 'task.care.visits',
      icon: 'UsergroupAddOutlined',
      permission: 'care.write',
      order: 47,
      testId: 'task-care-visits',
    },
  ],
  routes: [
    {
      path: '/care/key-people',
      nameKey: 'menu.care.keyPeople',
      icon: 'TeamOutlined',
      permission: 'care.read',
      Component: lazyPage(() => import('./pages/key-people-page'), 'KeyPeoplePage'),
      testId: 'menu-care-key-people',
      group: 'care',
    },
    {
      path: '/care/screening',
      nameKey: 'menu.care.screening',
      icon: 'SafetyCertificateOutlined',
      permission: 'care.read',
      Component: lazyPage(() => import('./pages/screening-page'), 'ScreeningPage'),
      testId: 'menu-care-screening',
      group: 'care',
    },
    {
      path: '/care/visits',
      nameKey: 'menu.care.visits',
      icon: 'UsergroupAddOutlined',
      permission: 'care.read',
      Component: lazyPage(() => import('./pages/visits-page'), 'VisitsPage'),
      testId: 'menu-care-visits',
      group: 'care',
    },
    {
      path: '/care/cases',
      nameKey: 'menu.care.cases',
      icon: 'SolutionOutlined',
      permission: 'care.read',
      Component: lazyPage(() => import('./pages/cases-page'), 'CasesPage'),
      testId: 'menu-care-cases',
      group: 'care',
    },
    {
      path: '/care/access-log',
      nameKey: 'menu.care.accessLog',
      icon: 'AuditOutlined',
      permission: 'care.officer',
      Component: lazyPage(() => import('./pages/access-log-page'), 'AccessLogPage'),
      testId: 'menu-care-access-log',
      group: 'care',
    },
  ],
  messages: {
    zh: () => import('../../i18n/care-zh-cn').then((m) => m.careZhCN),
    en: () => import('../../i18n/care-en').then((m) => m.careEn),
  },
  drillLinks: [
    {
      matches: (key) => key === 'care.keyPeople',
      to: (id) => `/care/key-people?keyPersonId=${encodeURIComponent(id)}`,
    },
    {
      matches: (key) => ['care.disputes', 'care.casesClosed', 'care.hotlineTickets'].includes(key),
      to: (id) => `/care/cases?caseId=${encodeURIComponent(id)}`,
    },
    {
      matches: (key) => ['care.pairings', 'care.visitsOverdue'].includes(key),
      to: (id) => `/care/visits?pairingId=${encodeURIComponent(id)}`,
    },
  ],
};
