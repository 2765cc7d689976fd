import { useQuery } from '@tanstack/react-query';
import type { IndicatorValues } from '../../contracts/indicators';
import { api, toQueryString } from './api-client';

/** The query of `GET /api/v1/indicators/:key/values`: a period, a unit's subtree, up to two groupings. */
export type IndicatorValuesParams = { from: string; to: string; orgUnitId?: string; groupBy?: string };

const path = (key: string) => `/api/v1/indicators/${encodeURIComponent(key)}`;

/** Under `['indicators']`, which every ledger write invalidates. */
export const indicatorValuesKey = (key: string, params: IndicatorValuesParams) =>
  ['indicators', key, 'values', params] as const;

export const getIndicatorValues = (key: string, params: IndicatorValuesParams, signal?: AbortSignal) =>
  api.get<IndicatorValues>(`${path(key)}/values`, params, signal);

/**
 * One registered statistic (`org.sites` by kind, `courtyards.households` by rating …), the one
 * fetcher every screen uses. While other params of the same indicator load, the previous figures
 * stay on screen; another indicator starts empty.
 */
export const useIndicatorValues = (key: string | undefined, params: IndicatorValuesParams) =>
  useQuery({
    queryKey: indicatorValuesKey(key ?? '', params),
    queryFn: ({ signal }) => getIndicatorValues(key as string, params, signal),
    enabled: Boolean(key),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === key ? previous : undefined),
  });

/** The same figures as an .xlsx download. */
export const indicatorExportUrl = (key: string, params: IndicatorValuesParams) =>
  `${path(key)}/export${toQueryString(params)}`;
