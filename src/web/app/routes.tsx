import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Permission } from '../../contracts/common/permissions';
import type { MenuIconName } from './menu-icons';
import { activityRoutes } from './routes-activities';
import { courtyardRoutes } from './routes-courtyards';
import { reportRoutes } from './routes-reports';

/** A collapsible menu section; routes sharing one are listed under it, in route order. */
export type MenuGroup = {
  key: string;
  /** i18n key of the section title. */
  nameKey: string;
  /** Drawn by the shell (menu-icons.tsx), so the route config stays free of antd. */
  icon: MenuIconName;
  testId: string;
};

const peopleGroup: MenuGroup = {
  key: 'people',
  nameKey: 'menu.people',
  icon: 'SolutionOutlined',
  testId: 'menu-people',
};

const orgGroup: MenuGroup = {
  key: 'org-building',
  nameKey: 'menu.org',
  icon: 'ClusterOutlined',
  testId: 'menu-org-building',
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
  group?: MenuGroup;
  /** A page reached from another (e.g. one summary), not listed in the menu. */
  isHidden?: boolean;
};

/** Every signed-in page; the side menu is built from this list, filtered by the user's permissions. */
export const appRoutes: AppRoute[] = [
  {
    path: '/',
    nameKey: 'menu.home',
    icon: 'HomeOutlined',
    Component: lazy(() =>
      import('../features/reports/pages/landing-page').then((m) => ({ default: m.LandingPage })),
    ),
    testId: 'menu-home',
  },
  {
    path: '/people/persons',
    nameKey: 'menu.people.persons',
    icon: 'IdcardOutlined',
    permission: 'people.read',
    Component: lazy(() =>
      import('../features/people/pages/persons-page').then((m) => ({ default: m.PersonsPage })),
    ),
    testId: 'menu-people-persons',
    group: peopleGroup,
  },
  {
    path: '/people/households',
    nameKey: 'menu.people.households',
    icon: 'ContactsOutlined',
    permission: 'people.read',
    Component: lazy(() =>
      import('../features/people/pages/households-page').then((m) => ({ default: m.HouseholdsPage })),
    ),
    testId: 'menu-people-households',
    group: peopleGroup,
  },
  {
    path: '/people/roles',
    nameKey: 'menu.people.roles',
    icon: 'CrownOutlined',
    permission: 'people.read',
    Component: lazy(() =>
      import('../features/people-roles/pages/roles-page').then((m) => ({ default: m.RolesPage })),
    ),
    testId: 'menu-people-roles',
    group: peopleGroup,
  },
  {
    path: '/people/teams',
    nameKey: 'menu.people.teams',
    icon: 'HeartOutlined',
    permission: 'people.read',
    Component: lazy(() =>
      import('../features/people-roles/pages/teams-page').then((m) => ({ default: m.TeamsPage })),
    ),
    testId: 'menu-people-teams',
    group: peopleGroup,
  },
  {
    path: '/org',
    nameKey: 'menu.org.units',
    icon: 'ApartmentOutlined',
    permission: 'org.read',
    Component: lazy(() => import('../features/org/pages/org-page').then((m) => ({ default: m.OrgPage }))),
    testId: 'menu-org',
  },
  {
    path: '/org/sites',
    nameKey: 'menu.org.sites',
    icon: 'BankOutlined',
    permission: 'org.read',
    Component: lazy(() =>
      import('../features/org-ledgers/pages/sites-page').then((m) => ({ default: m.SitesPage })),
    ),
    testId: 'menu-org-sites',
    group: orgGroup,
  },
  {
    path: '/org/grids',
    nameKey: 'menu.org.grids',
    icon: 'BorderOuterOutlined',
    permission: 'org.read',
    Component: lazy(() =>
      import('../features/org-ledgers/pages/grids-page').then((m) => ({ default: m.GridsPage })),
    ),
    testId: 'menu-org-grids',
    group: orgGroup,
  },
  {
    path: '/org/women-groups',
    nameKey: 'menu.org.womenGroups',
    icon: 'UsergroupAddOutlined',
    permission: 'org.read',
    Component: lazy(() =>
      import('../features/org-ledgers/pages/women-groups-page').then((m) => ({ default: m.WomenGroupsPage })),
    ),
    testId: 'menu-org-women-groups',
    group: orgGroup,
  },
  {
    path: '/org/elections',
    nameKey: 'menu.org.elections',
    icon: 'FlagOutlined',
    permission: 'org.read',
    Component: lazy(() =>
      import('../features/org-ledgers/pages/elections-page').then((m) => ({ default: m.ElectionsPage })),
    ),
    testId: 'menu-org-elections',
    group: orgGroup,
  },
  ...activityRoutes,
  ...courtyardRoutes,
  ...reportRoutes,
  {
    path: '/users',
    nameKey: 'menu.users.list',
    icon: 'TeamOutlined',
    permission: 'users.read',
    Component: lazy(() =>
      import('../features/users/pages/users-page').then((m) => ({ default: m.UsersPage })),
    ),
    testId: 'menu-users',
  },
  {
    path: '/audit',
    nameKey: 'menu.audit.list',
    icon: 'FileSearchOutlined',
    permission: 'audit.read',
    Component: lazy(() =>
      import('../features/audit/pages/audit-page').then((m) => ({ default: m.AuditPage })),
    ),
    testId: 'menu-audit',
  },
];

/** The route a pathname belongs to (longest matching prefix), for menu highlighting and titles. */
export const routeOf = (pathname: string): AppRoute | undefined =>
  [...appRoutes]
    .sort((a, b) => b.path.length - a.path.length)
    .find((r) =>
      r.path === '/' ? pathname === '/' : pathname === r.path || pathname.startsWith(`${r.path}/`),
    );
