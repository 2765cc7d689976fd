import { useQuery } from '@tanstack/react-query';
import type { User } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { userKeys } from './keys';

export const getUser = (id: string, signal?: AbortSignal) =>
  api.get<User>(`/api/v1/users/${encodeURIComponent(id)}`, undefined, signal);

/** The freshest copy (and version) of an account before editing it. */
export const useUser = (id: string | undefined) =>
  useQuery({
    queryKey: userKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getUser(id as string, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
