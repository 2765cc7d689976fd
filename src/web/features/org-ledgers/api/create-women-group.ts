import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWomenGroupInput, WomenGroup } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { womenGroupKeys } from './keys';

export const createWomenGroup = (input: CreateWomenGroupInput) =>
  api.post<WomenGroup>('/api/v1/org/women-groups', input);

export const useCreateWomenGroup = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWomenGroup,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: womenGroupKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
