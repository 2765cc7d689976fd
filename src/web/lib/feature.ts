import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Permission } from '../../contracts/common/permissions';

/**
 * The name of a menu icon: drawn by the shell (app/menu-icons.tsx), so a feature's manifest (part of the
 * entry, which the router needs on the login page) stays free of antd and @ant-design/icons.
 */
export type MenuIconName =
  | 'ApartmentOutlined'
  | 'AreaChartOutlined'
  | 'AuditOutlined'
  | 'BankOutlined'
  | 'BarChartOutlined'
  | 'BorderOuterOutlined'
  | 'CalendarOutlined'
  | 'ClusterOutlined'
  | 'ContactsOutlined'
  | 'CrownOutlined'
  | 'EditOutlined'
  | 'FileSearchOutlined'
  | 'FileTextOutlined'
  | 'FireOutlined'
  | 'FlagOutlined'
  | 'FormOutlined'
  | 'FundOutlined'
  | 'HeartOutlined'
  | 'HomeOutlined'
  | 'IdcardOutlined'
  | 'NotificationOutlined'
  | 'ProfileOutlined'
  | 'SafetyCertificateOutlined'
  | 'ScheduleOutlined'
  | 'SolutionOutlined'
  | 'StarOutlined'
  | 'TableOutlined'
  | 'TeamOutlined'
  | 'ToolOutlined'
  | 'TrophyOutlined'
  | 'UsergroupAddOutlined';

/** A collapsible menu section; routes naming its key are listed under it, in route order. */
export type MenuGroup = {
  key: string;
  /** i18n key of the section title. */
  nameKey: string;
  icon: MenuIconName;
  testId: string;
};

export type AppRoute = {
  path: string;
  /** i18n key of the menu entry and page title. */
  nameKey: string;
  icon: MenuIconName;
  /** Hidden from the menu and answered with 403 without it (the server checks again). */
  permission?: Permission;
  Component: LazyExoticComponent<ComponentType>;
  testId: string;
  /** The key of a menu section (declared by one feature's `menuGroups`). */
  group?: string;
  /** A page of one feature listed among another's: placed right after the route with this path. */
  menuAfter?: string;
  /** The landing page: first in the menu, whichever feature declares it. */
  isHome?: boolean;
  /** A page reached from another (e.g. one summary), not listed in the menu. */
  isHidden?: boolean;
};

/**
 * One of her daily jobs, shown as a button on the home page (快速登记, 入户评分, 巡查登记): declared by
 * the feature that owns the page, so a new ledger adds its own. At most two taps from home: the
 * button, then the form (`path` may carry a query that opens it, e.g. `/activities/patrols?new=1`).
 */
export type AppTask = {
  path: string;
  /** i18n key of the button's text (a verb phrase: 快速登记). */
  nameKey: string;
  icon: MenuIconName;
  /** Hidden without it (the page and the server check again). */
  permission?: Permission;
  /** Place among all features' tasks, smallest first. */
  order: number;
  testId: string;
};

type Messages = Record<string, string>;

/** A link from one record behind a figure (reports' drill-down) to its detail in the feature's ledger. */
export type DrillLink = {
  /** Whether the indicator's records are this feature's. */
  matches: (indicatorKey: string) => boolean;
  to: (recordId: string) => string;
};

/** What a shared document's page is given: the snapshot the link holds, and when it was shared. */
export type SharedViewProps = { payload: unknown; createdAt: string };

/**
 * Everything the app shell knows of a feature, declared once in `features/<m>/<m>.feature.ts` and listed
 * in app/features.ts: its pages (with their menu entries and permissions), its menu sections, its strings
 * (loaded with the shell, not the entry) and the drill-down links of its indicators.
 */
export type Feature = {
  key: string;
  routes: AppRoute[];
  menuGroups?: MenuGroup[];
  /** Her daily jobs among this feature's pages, as buttons on the home page. */
  tasks?: AppTask[];
  messages?: { zh: () => Promise<Messages>; en: () => Promise<Messages> };
  drillLinks?: DrillLink[];
  /** How a document kind it shares (`POST /api/v1/shares/<kind>`) reads on the public page `/s/<token>`. */
  shareViews?: Record<string, LazyExoticComponent<ComponentType<SharedViewProps>>>;
};

/** A lazily loaded page: `lazyPage(() => import('./pages/sites-page'), 'SitesPage')`. */
export const lazyPage = <M>(load: () => Promise<M>, name: keyof M): LazyExoticComponent<ComponentType> =>
  lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
