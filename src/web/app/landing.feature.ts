import { type Feature, lazyPage } from '../lib/feature';

/** The landing route `/` (app/landing-page.tsx chooses reports' 工作台 or home's page). */
export const landingFeature: Feature = {
  key: 'landing',
  routes: [
    {
      path: '/',
      isHome: true,
      nameKey: 'menu.home',
      icon: 'HomeOutlined',
      Component: lazyPage(() => import('./landing-page'), 'LandingPage'),
      testId: 'menu-home',
    },
  ],
};
