import { useAccess } from '../../../lib/session';
import { HomePage } from '../../home/pages/home-page';
import { DashboardPage } from './dashboard-page';

/** After sign-in: the 工作台 with the figures of her scope; accounts without reports see the plain home page. */
export const LandingPage = () => (useAccess().can('reports.read') ? <DashboardPage /> : <HomePage />);
