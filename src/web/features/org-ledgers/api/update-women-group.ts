import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateWomenGroupInput, WomenGroup } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { womenGroupKeys } from './keys';

export const updateWomenGroup = ({ id, ...input }: UpdateWomenGroupInput & { id: string }) =>
  api.patch<WomenGroup>(`/api/v1/org/women-groups/${encodeURIComponent(id)}`, input);

export const useUpdateWomenGroup = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWomenGroup,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: womenGroupKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
