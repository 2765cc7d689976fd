import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Rectification } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys, type RectificationListParams } from './keys';

export const listRectifications = (params: RectificationListParams, signal?: AbortSignal) =>
  api.get<ListResult<Rectification>>(`${BASE}/rectifications`, params, signal);

export const useRectifications = (params: RectificationListParams, enabled = true) =>
  useQuery({
    queryKey: courtyardKeys.rectifications(params),
    queryFn: ({ signal }) => listRectifications(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
