import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { userKeys } from './keys';

export const enableUser = ({ id, version }: { id: string; version: number }) =>
  api.post<User>(`/api/v1/users/${encodeURIComponent(id)}/enable`, { version });

export const useEnableUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
};
