import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Election } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { type ElectionListParams, electionKeys } from './keys';

export const listElections = (params: ElectionListParams, signal?: AbortSignal) =>
  api.get<ListResult<Election>>('/api/v1/org/elections', params, signal);

export const useElections = (params: ElectionListParams) =>
  useQuery({
    queryKey: electionKeys.list(params),
    queryFn: ({ signal }) => listElections(params, signal),
    placeholderData: keepPreviousData,
  });
