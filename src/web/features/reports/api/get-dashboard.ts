import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard, DashboardQuery } from '../../../../contracts/reports';
import { reportsApi } from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { reportKeys } from './keys';

export const getDashboard = (q: DashboardQuery, signal?: AbortSignal) =>
  api.get<Dashboard>(reportsApi.dashboard, q, signal);

/** 工作台: key figures, trends, the breakdown by unit and the to-do list of one unit's subtree. */
export const useDashboard = (q: DashboardQuery) =>
  useQuery({
    queryKey: reportKeys.dashboard(q),
    queryFn: ({ signal }) => getDashboard(q, signal),
    placeholderData: keepPreviousData,
  });
