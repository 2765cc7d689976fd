import { useQuery } from '@tanstack/react-query';
import type { Election } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { electionKeys } from './keys';

export const getElection = (id: string, signal?: AbortSignal) =>
  api.get<Election>(`/api/v1/org/elections/${encodeURIComponent(id)}`, undefined, signal);

export const useElection = (id: string | undefined) =>
  useQuery({
    queryKey: electionKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getElection(id as string, signal),
    enabled: Boolean(id),
  });
