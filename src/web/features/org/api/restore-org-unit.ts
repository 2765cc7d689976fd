import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgUnit, VersionInput } from '../../../../contracts/org';
import { api } from '../../../lib/api-client';
import { orgKeys } from './keys';

export const restoreOrgUnit = ({ id, version }: VersionInput & { id: string }) =>
  api.post<OrgUnit>(`/api/v1/org/units/${encodeURIComponent(id)}/restore`, { version });

export const useRestoreOrgUnit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreOrgUnit,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
};
