import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WomenGroup } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { womenGroupKeys } from './keys';

export const deleteWomenGroup = ({ id, version }: { id: string; version: number }) =>
  api.delete<WomenGroup>(`/api/v1/org/women-groups/${encodeURIComponent(id)}`, { version });

export const useDeleteWomenGroup = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWomenGroup,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: womenGroupKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
