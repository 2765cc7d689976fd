import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { User } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { type UserListParams, userKeys } from './keys';

export const listUsers = (params: UserListParams, signal?: AbortSignal) =>
  api.get<ListResult<User>>('/api/v1/users', params, signal);

export const useUsers = (params: UserListParams) =>
  useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => listUsers(params, signal),
    placeholderData: keepPreviousData,
  });
