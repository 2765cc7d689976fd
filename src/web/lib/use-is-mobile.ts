import { Grid } from 'antd';

/** Phones (below antd's `md`, 768px) get the drawer menu, card lists and larger touch targets. */
export const useIsMobile = (): boolean => {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined; assume desktop only if `md` is known true.
  if (screens.md === undefined) return window.matchMedia?.('(max-width: 767.98px)').matches ?? false;
  return !screens.md;
};
