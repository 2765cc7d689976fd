import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRoleTermInput, RoleTerm } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { roleTermKeys } from './keys';

export const createRoleTerm = (input: CreateRoleTermInput) =>
  api.post<RoleTerm>('/api/v1/people/role-terms', input);

export const useCreateRoleTerm = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRoleTerm,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: roleTermKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
