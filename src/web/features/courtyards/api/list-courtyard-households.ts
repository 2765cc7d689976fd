import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { CourtyardHousehold } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, type CourtyardHouseholdListParams, courtyardKeys } from './keys';

export const listCourtyardHouseholds = (params: CourtyardHouseholdListParams, signal?: AbortSignal) =>
  api.get<ListResult<CourtyardHousehold>>(`${BASE}/households`, params, signal);

export const useCourtyardHouseholds = (params: CourtyardHouseholdListParams, enabled = true) =>
  useQuery({
    queryKey: courtyardKeys.households(params),
    queryFn: ({ signal }) => listCourtyardHouseholds(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export const ratingsLedgerBase = `${BASE}/households`;
