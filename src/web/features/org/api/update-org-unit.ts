import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgUnit, UpdateOrgUnitInput } from '../../../../contracts/org';
import { api } from '../../../lib/api-client';
import { orgKeys } from './keys';

export const updateOrgUnit = ({ id, ...input }: UpdateOrgUnitInput & { id: string }) =>
  api.patch<OrgUnit>(`/api/v1/org/units/${encodeURIComponent(id)}`, input);

export const useUpdateOrgUnit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrgUnit,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
};
