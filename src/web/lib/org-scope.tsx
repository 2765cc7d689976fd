import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

type OrgScope = {
  /** The unit whose subtree list pages show; starts at the user's own unit. */
  scopeId: string;
  setScopeId: (id: string) => void;
  /** The user's own unit, to reset to. */
  homeId: string;
};

const OrgScopeContext = createContext<OrgScope | null>(null);

/** Held in memory only: the scope is a view choice, not a preference worth persisting. */
export const OrgScopeProvider = ({ homeId, children }: { homeId: string; children: ReactNode }) => {
  const [chosen, setChosen] = useState<string | null>(null);
  const value = useMemo<OrgScope>(
    () => ({ scopeId: chosen ?? homeId, setScopeId: setChosen, homeId }),
    [chosen, homeId],
  );
  return <OrgScopeContext.Provider value={value}>{children}</OrgScopeContext.Provider>;
};

export const useOrgScope = (): OrgScope => {
  const scope = useContext(OrgScopeContext);
  if (!scope) throw new Error('useOrgScope outside OrgScopeProvider');
  return scope;
};
