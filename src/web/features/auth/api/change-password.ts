import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordInput } from '../../../../contracts/auth';
import { api } from '../../../lib/api-client';

export const changePassword = (input: ChangePasswordInput) =>
  api.post<{ ok: true }>('/api/v1/auth/password', input);

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
