import type { AppRoute, MenuGroup } from '../lib/feature';
import { features } from './features';

export type { AppRoute, MenuGroup } from '../lib/feature';

/**
 * Every signed-in page, from the features' manifests in their order; the landing page first, and a page
 * listed among another feature's (`menuAfter`) right after the route it names. The side menu is built from
 * this list, filtered by the user's permissions.
 */
const orderRoutes = (routes: AppRoute[]): AppRoute[] => {
  const out = routes.filter((r) => r.isHome);
  for (const r of routes.filter((route) => !route.isHome && !route.menuAfter)) out.push(r);
  for (const r of routes.filter((route) => route.menuAfter)) {
    const at = out.findIndex((o) => o.path === r.menuAfter);
    out.splice(at < 0 ? out.length : at + 1, 0, r);
  }
  return out;
};

export const appRoutes: AppRoute[] = orderRoutes(features.flatMap((f) => f.routes));

/** The menu sections, by key, from the features that declare them. */
export const menuGroups: ReadonlyMap<string, MenuGroup> = new Map(
  features.flatMap((f) => f.menuGroups ?? []).map((g) => [g.key, g]),
);

/** The route a pathname belongs to (longest matching prefix), for menu highlighting and titles. */
export const routeOf = (pathname: string): AppRoute | undefined =>
  [...appRoutes]
    .sort((a, b) => b.path.length - a.path.length)
    .find((r) =>
      r.path === '/' ? pathname === '/' : pathname === r.path || pathname.startsWith(`${r.path}/`),
    );
