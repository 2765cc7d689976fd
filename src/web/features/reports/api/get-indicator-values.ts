import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { IndicatorValues } from '../../../../contracts/indicators';
import { api, toQueryString } from '../../../lib/api-client';
import { type IndicatorValuesParams, statsKeys } from './keys';

const path = (key: string) => `/api/v1/indicators/${encodeURIComponent(key)}`;

export const getIndicatorValues = (key: string, params: IndicatorValuesParams, signal?: AbortSignal) =>
  api.get<IndicatorValues>(`${path(key)}/values`, params, signal);

export const useIndicatorValues = (key: string | undefined, params: IndicatorValuesParams) =>
  useQuery({
    queryKey: statsKeys.values(key ?? '', params),
    queryFn: ({ signal }) => getIndicatorValues(key as string, params, signal),
    enabled: Boolean(key),
    placeholderData: keepPreviousData,
  });

/** The same figures as an .xlsx download. */
export const indicatorExportUrl = (key: string, params: IndicatorValuesParams) =>
  `${path(key)}/export${toQueryString(params)}`;
