import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { IndicatorRecord } from '../../../../contracts/indicators';
import { api, toQueryString } from '../../../lib/api-client';
import { type IndicatorRecordsParams, statsKeys } from './keys';

export type { IndicatorRecord };

export const listIndicatorRecords = (key: string, params: IndicatorRecordsParams, signal?: AbortSignal) =>
  api.get<ListResult<IndicatorRecord>>(
    `/api/v1/indicators/${encodeURIComponent(key)}/records`,
    params,
    signal,
  );

/** The same records as an .xlsx download (the whole list, not one page). */
export const indicatorRecordsExportUrl = (
  key: string,
  params: Omit<IndicatorRecordsParams, 'page' | 'pageSize'>,
) => `/api/v1/indicators/${encodeURIComponent(key)}/records/export${toQueryString(params)}`;

/** The records behind one figure (a table cell or a bar). */
export const useIndicatorRecords = (key: string, params: IndicatorRecordsParams) =>
  useQuery({
    queryKey: statsKeys.records(key, params),
    queryFn: ({ signal }) => listIndicatorRecords(key, params, signal),
    placeholderData: keepPreviousData,
  });
