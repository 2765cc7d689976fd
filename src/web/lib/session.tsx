import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Me } from '../../contracts/auth';
import { type Access, accessOf } from './access';

type Session = Me & { access: Access };

const SessionContext = createContext<Session | null>(null);

/** Mounted by the signed-in shell once GET /auth/me has answered with a user. */
export const SessionProvider = ({ me, children }: { me: Me; children: ReactNode }) => {
  const value = useMemo<Session>(() => ({ ...me, access: accessOf(me.user) }), [me]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
};

export const useAccess = (): Access => useSession().access;
