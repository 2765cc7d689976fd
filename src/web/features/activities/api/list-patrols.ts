import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Patrol } from '../../../../contracts/activities';
import type { ListResult } from '../../../../contracts/common/paging';
import { api } from '../../../lib/api-client';
import { type PatrolListParams, patrolKeys } from './keys';

export const listPatrols = (params: PatrolListParams, signal?: AbortSignal) =>
  api.get<ListResult<Patrol>>('/api/v1/activities/patrols', params, signal);

export const usePatrols = (params: PatrolListParams) =>
  useQuery({
    queryKey: patrolKeys.list(params),
    queryFn: ({ signal }) => listPatrols(params, signal),
    placeholderData: keepPreviousData,
  });
