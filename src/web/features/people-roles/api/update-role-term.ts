import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RoleTerm, UpdateRoleTermInput } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { roleTermKeys } from './keys';

export const updateRoleTerm = ({ id, ...input }: UpdateRoleTermInput & { id: string }) =>
  api.patch<RoleTerm>(`/api/v1/people/role-terms/${encodeURIComponent(id)}`, input);

export const useUpdateRoleTerm = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRoleTerm,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: roleTermKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
