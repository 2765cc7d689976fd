import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSiteInput, Site } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { siteKeys } from './keys';

export const createSite = (input: CreateSiteInput) => api.post<Site>('/api/v1/org/sites', input);

export const useCreateSite = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSite,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: siteKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
