import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Household } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { type HouseholdListParams, householdKeys } from './keys';

export const listHouseholds = (params: HouseholdListParams, signal?: AbortSignal) =>
  api.get<ListResult<Household>>('/api/v1/people/households', params, signal);

export const useHouseholds = (params: HouseholdListParams, enabled = true) =>
  useQuery({
    queryKey: householdKeys.list(params),
    queryFn: ({ signal }) => listHouseholds(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
