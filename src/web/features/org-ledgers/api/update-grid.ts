import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Grid, UpdateGridInput } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { gridKeys } from './keys';

export const updateGrid = ({ id, ...input }: UpdateGridInput & { id: string }) =>
  api.patch<Grid>(`/api/v1/org/grids/${encodeURIComponent(id)}`, input);

export const useUpdateGrid = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateGrid,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
