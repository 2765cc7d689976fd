import { createContext, useCallback, useContext } from 'react';
import type { DrillLink } from './feature';

/**
 * The features' drill-down links (their manifests' `drillLinks`), provided by the shell from
 * app/features.ts: a context rather than an import, so that reports does not import the feature list
 * that lists reports.
 */
const DrillLinksContext = createContext<readonly DrillLink[]>([]);

export const DrillLinksProvider = DrillLinksContext.Provider;

/** A record behind a figure as a link to its detail in the ledger that holds it; null if no feature says. */
export const useDrillLink = () => {
  const links = useContext(DrillLinksContext);
  return useCallback(
    (indicatorKey: string, id: string): string | null =>
      links.find((l) => l.matches(indicatorKey))?.to(id) ?? null,
    [links],
  );
};
