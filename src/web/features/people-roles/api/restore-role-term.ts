import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RoleTerm } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { roleTermKeys } from './keys';

export const restoreRoleTerm = ({ id, version }: { id: string; version: number }) =>
  api.post<RoleTerm>(`/api/v1/people/role-terms/${encodeURIComponent(id)}/restore`, { version });

export const useRestoreRoleTerm = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreRoleTerm,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: roleTermKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
