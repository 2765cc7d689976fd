import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, User } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';
import { userKeys } from './keys';

export const createUser = (input: CreateUserInput) => api.post<User>('/api/v1/users', input);

export const useCreateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
};
