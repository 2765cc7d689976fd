import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../contracts/common/permissions';
import { PageError, RouteFallback } from '../components/page-states';
import { meQueryKey, useMe } from '../features/auth/api/get-me';
import { setUnauthorizedHandler } from '../lib/api-client';
import { OrgScopeProvider } from '../lib/org-scope';
import { SessionProvider, useAccess } from '../lib/session';
import { ForbiddenPage } from './error-pages';

export type LoginRedirectState = { from?: string; isExpired?: boolean };

/** Signed-in pages only: waits for GET /auth/me, sends everyone else to /login and back afterwards. */
export const RequireAuth = () => {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const isExpired = useRef(false);

  useEffect(() => {
    // Any 401 from the API (idle timeout, logout elsewhere) drops the session; the Navigate below does the rest.
    setUnauthorizedHandler(() => {
      isExpired.current = true;
      queryClient.setQueryData(meQueryKey, null);
    });
  }, [queryClient]);

  if (me.isPending) return <RouteFallback />;
  if (me.isError) return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const state: LoginRedirectState = {
      from: `${location.pathname}${location.search}`,
      isExpired: isExpired.current,
    };
    return <Navigate to="/login" replace state={state} />;
  }
  return (
    <SessionProvider me={me.data}>
      <OrgScopeProvider homeId={me.data.user.orgUnit.id}>
        <Outlet />
      </OrgScopeProvider>
    </SessionProvider>
  );
};

export const RequirePermission = ({
  permission,
  children,
}: {
  permission?: Permission;
  children: ReactNode;
}) => {
  const access = useAccess();
  return access.can(permission) ? children : <ForbiddenPage />;
};
