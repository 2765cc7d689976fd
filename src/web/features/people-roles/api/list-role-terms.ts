import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { RoleTerm } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { type RoleTermListParams, roleTermKeys } from './keys';

export const listRoleTerms = (params: RoleTermListParams, signal?: AbortSignal) =>
  api.get<ListResult<RoleTerm>>('/api/v1/people/role-terms', params, signal);

export const useRoleTerms = (params: RoleTermListParams, enabled = true) =>
  useQuery({
    queryKey: roleTermKeys.list(params),
    queryFn: ({ signal }) => listRoleTerms(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
