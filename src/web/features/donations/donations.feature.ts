import { type Feature, lazyPage } from '../../lib/feature';

/** 募捐与救助: donation drives (donations, disbursements, reconciliation, 公示), beneficiaries, two-cancer aid. */
export const donationsFeature: Feature = {
  key: 'donations',
  menuGroups: [
    { key: 'donations', nameKey: 'menu.donations', icon: 'HeartOutlined', testId: 'menu-donations' },
  ],
  tasks: [
    {
      path: '/donations',
      nameKey: 'task.donations.drives',
      icon: 'HeartOutlined',
      permission: 'donations.write',
      order: 60,
      testId: 'task-donations',
    },
  ],
  routes: [
    {
      path: '/donations',
      nameKey: 'menu.donations.drives',
      icon: 'HeartOutlined',
      permission: 'donations.read',
      Component: lazyPage(() => import('./pages/drives-page'), 'DrivesPage'),
      testId: 'menu-donations-drives',
      group: 'donations',
    },
    {
      path: '/donations/drive',
      nameKey: 'menu.donations.drive',
      icon: 'FundOutlined',
      permission: 'donations.read',
      Component: lazyPage(() => import('./pages/drive-page'), 'DrivePage'),
      testId: 'menu-donations-drive',
      isHidden: true,
    },
    {
      path: '/donations/beneficiaries',
      nameKey: 'menu.donations.beneficiaries',
      icon: 'TeamOutlined',
      permission: 'donations.read',
      Component: lazyPage(() => import('./pages/beneficiaries-page'), 'BeneficiariesPage'),
      testId: 'menu-donations-beneficiaries',
      group: 'donations',
    },
    {
      path: '/donations/cancer-aid',
      nameKey: 'menu.donations.aid',
      icon: 'SafetyCertificateOutlined',
      permission: 'cancerAid.read',
      Component: lazyPage(() => import('./pages/aid-page'), 'AidPage'),
      testId: 'menu-donations-aid',
      group: 'donations',
    },
  ],
  messages: {
    zh: () => import('./donations-zh-cn').then((m) => m.donationsZhCN),
    en: () => import('./donations-en').then((m) => m.donationsEn),
  },
  drillLinks: [
    { matches: (key) => key.startsWith('cancer.'), to: () => '/donations/cancer-aid' },
    { matches: (key) => key.startsWith('donations.'), to: () => '/donations' },
  ],
};
