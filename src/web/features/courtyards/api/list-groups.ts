import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { InspectionGroup } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys, type GroupListParams } from './keys';

export const listGroups = (params: GroupListParams, signal?: AbortSignal) =>
  api.get<ListResult<InspectionGroup>>(`${BASE}/groups`, params, signal);

export const useGroups = (params: GroupListParams, enabled = true) =>
  useQuery({
    queryKey: courtyardKeys.groups(params),
    queryFn: ({ signal }) => listGroups(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
