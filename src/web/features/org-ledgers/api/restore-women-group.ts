import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WomenGroup } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { womenGroupKeys } from './keys';

export const restoreWomenGroup = ({ id, version }: { id: string; version: number }) =>
  api.post<WomenGroup>(`/api/v1/org/women-groups/${encodeURIComponent(id)}/restore`, { version });

export const useRestoreWomenGroup = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreWomenGroup,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: womenGroupKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
