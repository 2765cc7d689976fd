import { useQuery } from '@tanstack/react-query';
import type { IndicatorValues } from '../../../../contracts/indicators';
import { api } from '../../../lib/api-client';

export type IndicatorParams = { from: string; to: string; orgUnitId?: string; groupBy?: string };

export const getIndicatorValues = (key: string, params: IndicatorParams, signal?: AbortSignal) =>
  api.get<IndicatorValues>(`/api/v1/indicators/${encodeURIComponent(key)}/values`, params, signal);

/** One of the programme's registered statistics (e.g. `courtyards.households` by rating). */
export const useIndicatorValues = (key: string, params: IndicatorParams) =>
  useQuery({
    queryKey: ['indicators', key, 'values', params] as const,
    queryFn: ({ signal }) => getIndicatorValues(key, params, signal),
  });
