import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserInput, User } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { userKeys } from './keys';

export const updateUser = ({ id, ...input }: UpdateUserInput & { id: string }) =>
  api.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, input);

export const useUpdateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
};
