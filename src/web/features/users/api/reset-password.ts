import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResetPasswordInput, User } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { userKeys } from './keys';

export const resetPassword = ({ id, ...input }: ResetPasswordInput & { id: string }) =>
  api.post<User>(`/api/v1/users/${encodeURIComponent(id)}/reset-password`, input);

export const useResetPassword = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
};
