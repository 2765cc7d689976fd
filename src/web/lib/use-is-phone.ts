import { Grid } from 'antd';

/** Phones (below antd's `sm`, 576px) get card lists instead of tables: a ledger row is too wide for them. */
export const useIsPhone = (): boolean => {
  const screens = Grid.useBreakpoint();
  if (screens.sm === undefined) return window.matchMedia?.('(max-width: 575.98px)').matches ?? false;
  return !screens.sm;
};
