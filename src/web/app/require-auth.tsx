import { useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../contracts/common/permissions';
import { PlainLoading, PlainResult } from '../components/plain-states';
import { meQueryKey, useMe } from '../features/auth/api/get-me';
import { errorText, setUnauthorizedHandler } from '../lib/api-client';
import { OrgScopeProvider } from '../lib/org-scope';
import { SessionProvider, useAccess } from '../lib/session';

// antd's Result: rendered inside the (lazy) shell, so it comes with it rather than with the entry.
const ForbiddenPage = lazy(() => import('./error-pages').then((m) => ({ default: m.ForbiddenPage })));

export type LoginRedirectState = { from?: string; isExpired?: boolean };

/**
 * Signed-in pages only: waits for GET /auth/me, sends everyone else to /login and back afterwards.
 * Part of the entry (no antd): someone signed out who opens `/` goes to the login page without
 * first downloading the shell.
 */
export const RequireAuth = () => {
  const { t, i18n } = useTranslation();
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

  if (me.isPending) return <PlainLoading />;
  if (me.isError)
    return (
      <PlainResult
        title={t('common.loadFailed')}
        subTitle={errorText(me.error, i18n.language.startsWith('en'))}
        actionLabel={t('common.retry')}
        onAction={() => void me.refetch()}
        actionTestId="retry"
      />
    );
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
