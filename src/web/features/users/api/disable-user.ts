import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { userKeys } from './keys';

export const disableUser = ({ id, version }: { id: string; version: number }) =>
  api.post<User>(`/api/v1/users/${encodeURIComponent(id)}/disable`, { version });

export const useDisableUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
};
