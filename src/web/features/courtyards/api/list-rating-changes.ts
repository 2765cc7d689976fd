import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { RatingChange } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys, type HistoryListParams } from './keys';

export const listRatingChanges = (params: HistoryListParams, signal?: AbortSignal) =>
  api.get<ListResult<RatingChange>>(`${BASE}/rating-changes`, params, signal);

export const useRatingChanges = (params: HistoryListParams) =>
  useQuery({
    queryKey: courtyardKeys.ratingChanges(params),
    queryFn: ({ signal }) => listRatingChanges(params, signal),
    placeholderData: keepPreviousData,
  });
