import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOrgUnitInput, OrgUnit } from '../../../../contracts/org';
import { api } from '../../../lib/api-client';
import { orgKeys } from './keys';

export const createOrgUnit = (input: CreateOrgUnitInput) => api.post<OrgUnit>('/api/v1/org/units', input);

export const useCreateOrgUnit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrgUnit,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
};
