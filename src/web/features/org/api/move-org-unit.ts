import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MoveOrgUnitInput, OrgUnit } from '../../../../contracts/org';
import { api } from '../../../lib/api-client';
import { orgKeys } from './keys';

export const moveOrgUnit = ({ id, ...input }: MoveOrgUnitInput & { id: string }) =>
  api.post<OrgUnit>(`/api/v1/org/units/${encodeURIComponent(id)}/move`, input);

export const useMoveOrgUnit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveOrgUnit,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
};
