import { useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { User } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { auditKeys } from './keys';

/** Accounts to filter the log by (GET /api/v1/users, first 20 matches in scope). */
export const searchActors = (q: string, orgUnitId: string, signal?: AbortSignal) =>
  api.get<ListResult<User>>(
    '/api/v1/users',
    { q: q || undefined, orgUnitId, pageSize: 20, sort: 'displayName' },
    signal,
  );

export const useActorOptions = (q: string, orgUnitId: string, enabled: boolean) =>
  useQuery({
    queryKey: auditKeys.actors(q, orgUnitId),
    queryFn: ({ signal }) => searchActors(q, orgUnitId, signal),
    select: (data) => data.items,
    enabled,
    staleTime: 60_000,
  });
