import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { WomenGroup } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { type WomenGroupListParams, womenGroupKeys } from './keys';

export const listWomenGroups = (params: WomenGroupListParams, signal?: AbortSignal) =>
  api.get<ListResult<WomenGroup>>('/api/v1/org/women-groups', params, signal);

export const useWomenGroups = (params: WomenGroupListParams, enabled = true) =>
  useQuery({
    queryKey: womenGroupKeys.list(params),
    queryFn: ({ signal }) => listWomenGroups(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
