import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Grid } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { gridKeys } from './keys';

export const deleteGrid = ({ id, version }: { id: string; version: number }) =>
  api.delete<Grid>(`/api/v1/org/grids/${encodeURIComponent(id)}`, { version });

export const useDeleteGrid = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteGrid,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
