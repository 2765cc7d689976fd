import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateGridInput, Grid } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { gridKeys } from './keys';

export const createGrid = (input: CreateGridInput) => api.post<Grid>('/api/v1/org/grids', input);

export const useCreateGrid = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGrid,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
