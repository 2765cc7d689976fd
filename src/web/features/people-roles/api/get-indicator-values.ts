import { useQuery } from '@tanstack/react-query';
import type { IndicatorValues } from '../../../../contracts/indicators';
import { api } from '../../../lib/api-client';
import { type IndicatorParams, indicatorKeys } from './keys';

export const getIndicatorValues = (key: string, params: IndicatorParams, signal?: AbortSignal) =>
  api.get<IndicatorValues>(`/api/v1/indicators/${encodeURIComponent(key)}/values`, params, signal);

export const useIndicatorValues = (key: string, params: IndicatorParams) =>
  useQuery({
    queryKey: indicatorKeys.values(key, params),
    queryFn: ({ signal }) => getIndicatorValues(key, params, signal),
  });
