import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import { api } from '../../../lib/api-client';
import { type IndicatorRecordsParams, statsKeys } from './keys';

export type IndicatorRecord = { id: string; label: string; orgUnitName: string; date: string | null };

export const listIndicatorRecords = (key: string, params: IndicatorRecordsParams, signal?: AbortSignal) =>
  api.get<ListResult<IndicatorRecord>>(
    `/api/v1/indicators/${encodeURIComponent(key)}/records`,
    params,
    signal,
  );

/** The records behind one figure (a table cell or a bar). */
export const useIndicatorRecords = (key: string, params: IndicatorRecordsParams) =>
  useQuery({
    queryKey: statsKeys.records(key, params),
    queryFn: ({ signal }) => listIndicatorRecords(key, params, signal),
    placeholderData: keepPreviousData,
  });
