import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RoleTerm } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { roleTermKeys } from './keys';

export const deleteRoleTerm = ({ id, version }: { id: string; version: number }) =>
  api.delete<RoleTerm>(`/api/v1/people/role-terms/${encodeURIComponent(id)}`, { version });

export const useDeleteRoleTerm = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRoleTerm,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: roleTermKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
