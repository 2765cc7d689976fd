import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import { reportsApi, type SummaryMeta } from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { reportKeys, type SummaryListParams } from './keys';

export const listSummaries = (params: SummaryListParams, signal?: AbortSignal) =>
  api.get<ListResult<SummaryMeta>>(reportsApi.summaries, params, signal);

export const useSummaries = (params: SummaryListParams) =>
  useQuery({
    queryKey: reportKeys.summaryList(params),
    queryFn: ({ signal }) => listSummaries(params, signal),
    placeholderData: keepPreviousData,
  });
