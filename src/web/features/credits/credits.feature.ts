import { type Feature, lazyPage } from '../../lib/feature';

/** 信用积分与巾帼信用超市: accounts and awards, the rule catalogue, the store counter, goods and stock. */
export const creditsFeature: Feature = {
  key: 'credits',
  menuGroups: [{ key: 'credits', nameKey: 'menu.credits', icon: 'StarOutlined', testId: 'menu-credits' }],
  tasks: [
    {
      path: '/credits/accounts?award=1',
      nameKey: 'task.credits.award',
      icon: 'StarOutlined',
      permission: 'credits.write',
      order: 45,
      testId: 'task-credits-award',
    },
    {
      path: '/credits/counter',
      nameKey: 'task.credits.counter',
      icon: 'BankOutlined',
      permission: 'credits.store',
      order: 46,
      testId: 'task-credits-counter',
    },
  ],
  routes: [
    {
      path: '/credits/accounts',
      nameKey: 'menu.credits.accounts',
      icon: 'ContactsOutlined',
      permission: 'credits.read',
      Component: lazyPage(() => import('./pages/accounts-page'), 'CreditAccountsPage'),
      testId: 'menu-credits-accounts',
      group: 'credits',
    },
    {
      path: '/credits/counter',
      nameKey: 'menu.credits.counter',
      icon: 'BankOutlined',
      permission: 'credits.store',
      Component: lazyPage(() => import('./pages/counter-page'), 'CreditCounterPage'),
      testId: 'menu-credits-counter',
      group: 'credits',
    },
    {
      path: '/credits/goods',
      nameKey: 'menu.credits.goods',
      icon: 'TableOutlined',
      permission: 'credits.read',
      Component: lazyPage(() => import('./pages/goods-page'), 'CreditGoodsPage'),
      testId: 'menu-credits-goods',
      group: 'credits',
    },
    {
      path: '/credits/rules',
      nameKey: 'menu.credits.rules',
      icon: 'ProfileOutlined',
      permission: 'credits.read',
      Component: lazyPage(() => import('./pages/rules-page'), 'CreditRulesPage'),
      testId: 'menu-credits-rules',
      group: 'credits',
    },
    {
      path: '/credits/receipt/:redemptionId',
      nameKey: 'menu.credits.receipt',
      icon: 'FileTextOutlined',
      permission: 'credits.read',
      Component: lazyPage(() => import('./pages/receipt-page'), 'CreditReceiptPage'),
      testId: 'menu-credits-receipt',
      isHidden: true,
    },
  ],
  messages: {
    zh: () => import('../../i18n/credits-zh-cn').then((m) => m.creditsZhCN),
    en: () => import('../../i18n/credits-en').then((m) => m.creditsEn),
  },
  drillLinks: [
    {
      matches: (key) => key === 'credits.redemptions' || key === 'credits.households',
      to: (id) => `/credits/receipt/${encodeURIComponent(id)}`,
    },
  ],
};
