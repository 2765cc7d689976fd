import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Site, UpdateSiteInput } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { siteKeys } from './keys';

export const updateSite = ({ id, ...input }: UpdateSiteInput & { id: string }) =>
  api.patch<Site>(`/api/v1/org/sites/${encodeURIComponent(id)}`, input);

export const useUpdateSite = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSite,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: siteKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
