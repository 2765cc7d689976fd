import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PlainLoading } from '../components/plain-states';
import { LoginPage } from '../features/auth/pages/login-page';
import { RequireAuth, RequirePermission } from './require-auth';
import { RouteErrorPage } from './route-error-page';
import { appRoutes } from './routes';

// The entry holds the router, the login page and the session check, and no antd: a phone's first load
// is the login page (≤ 3 s on Fast-3G). The shell (menu, header, antd and its theme, every page's
// strings) is lazy, and so is every page.
const AppLayout = lazy(() =>
  Promise.all([import('./app-layout'), import('../i18n/app-messages').then((m) => m.addAppMessages())]).then(
    ([m]) => ({ default: m.AppLayout }),
  ),
);
const SharedPage = lazy(() => import('./shared-page').then((m) => ({ default: m.SharedPage })));
const ForbiddenPage = lazy(() => import('./error-pages').then((m) => ({ default: m.ForbiddenPage })));
const NotFoundPage = lazy(() => import('./error-pages').then((m) => ({ default: m.NotFoundPage })));

const pageRoutes: RouteObject[] = appRoutes.map(({ path, permission, Component }) => ({
  path,
  errorElement: <RouteErrorPage />,
  element: (
    <RequirePermission permission={permission}>
      <Component />
    </RequirePermission>
  ),
}));

export const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: <RouteErrorPage />,
    element: <LoginPage />,
  },
  {
    // A shared document: public, read-only, no shell.
    path: '/s/:token',
    errorElement: <RouteErrorPage />,
    element: (
      <Suspense fallback={<PlainLoading />}>
        <SharedPage />
      </Suspense>
    ),
  },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: (
          <Suspense fallback={<PlainLoading />}>
            <AppLayout />
          </Suspense>
        ),
        children: [
          ...pageRoutes,
          { path: '/403', element: <ForbiddenPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
