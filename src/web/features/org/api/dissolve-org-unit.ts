import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DissolveOrgUnitInput, OrgUnit } from '../../../../contracts/org';
import { api } from '../../../lib/api-client';
import { orgKeys } from './keys';

export const dissolveOrgUnit = ({ id, ...input }: DissolveOrgUnitInput & { id: string }) =>
  api.post<OrgUnit>(`/api/v1/org/units/${encodeURIComponent(id)}/dissolve`, input);

export const useDissolveOrgUnit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: dissolveOrgUnit,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
};
