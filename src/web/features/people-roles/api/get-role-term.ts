import { useQuery } from '@tanstack/react-query';
import type { RoleTerm } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { roleTermKeys } from './keys';

export const getRoleTerm = (id: string, signal?: AbortSignal) =>
  api.get<RoleTerm>(`/api/v1/people/role-terms/${encodeURIComponent(id)}`, undefined, signal);

export const useRoleTerm = (id: string | undefined) =>
  useQuery({
    queryKey: roleTermKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getRoleTerm(id as string, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
