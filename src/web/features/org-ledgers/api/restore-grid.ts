import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Grid } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { gridKeys } from './keys';

export const restoreGrid = ({ id, version }: { id: string; version: number }) =>
  api.post<Grid>(`/api/v1/org/grids/${encodeURIComponent(id)}/restore`, { version });

export const useRestoreGrid = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreGrid,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
