import { type Feature, lazyPage } from '../../lib/feature';

/** 操作日志. */
export const auditFeature: Feature = {
  key: 'audit',
  routes: [
    {
      path: '/audit',
      nameKey: 'menu.audit.list',
      icon: 'FileSearchOutlined',
      permission: 'audit.read',
      Component: lazyPage(() => import('./pages/audit-page'), 'AuditPage'),
      testId: 'menu-audit',
    },
  ],
  messages: {
    zh: () => import('../../i18n/audit-zh-cn').then((m) => m.auditZhCN),
    en: () => import('../../i18n/audit-en').then((m) => m.auditEn),
  },
};
