import { HomePage } from '../features/home/pages/home-page';
import { DashboardPage } from '../features/reports/pages/dashboard-page';
import { useAccess } from '../lib/session';

/**
 * After sign-in: the 工作台 with the figures of her scope (reports); accounts without reports see the
 * plain home page (home). Composed here so that neither feature imports the other.
 */
export const LandingPage = () => (useAccess().can('reports.read') ? <DashboardPage /> : <HomePage />);
