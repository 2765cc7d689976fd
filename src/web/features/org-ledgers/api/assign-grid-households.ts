import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignGridHouseholdsInput, Grid } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { gridKeys } from './keys';

export const assignGridHouseholds = ({ id, ...input }: AssignGridHouseholdsInput & { id: string }) =>
  api.post<Grid>(`/api/v1/org/grids/${encodeURIComponent(id)}/households`, input);

export const useAssignGridHouseholds = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignGridHouseholds,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['people', 'households'] });
    },
  });
};
