import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, Me } from '../../../../contracts/auth';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export const login = async (input: LoginInput): Promise<Me> => {
  const me = await apiRequest<Me>('POST', '/api/v1/auth/login', { body: input, isAuthProbe: true });
  setCsrfToken(me.csrfToken);
  return me;
};

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // A new person may be signing in on a shared computer: nothing cached may survive.
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
};
