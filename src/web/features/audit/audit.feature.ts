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
};
