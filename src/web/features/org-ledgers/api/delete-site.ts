import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Site } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { siteKeys } from './keys';

export const deleteSite = ({ id, version }: { id: string; version: number }) =>
  api.delete<Site>(`/api/v1/org/sites/${encodeURIComponent(id)}`, { version });

export const useDeleteSite = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSite,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: siteKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
