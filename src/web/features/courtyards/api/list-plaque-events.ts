import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { PlaqueEvent } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys, type HistoryListParams } from './keys';

export const listPlaqueEvents = (params: HistoryListParams, signal?: AbortSignal) =>
  api.get<ListResult<PlaqueEvent>>(`${BASE}/plaque-events`, params, signal);

export const usePlaqueEvents = (params: HistoryListParams) =>
  useQuery({
    queryKey: courtyardKeys.plaqueEvents(params),
    queryFn: ({ signal }) => listPlaqueEvents(params, signal),
    placeholderData: keepPreviousData,
  });
