import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Site } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { siteKeys } from './keys';

export const restoreSite = ({ id, version }: { id: string; version: number }) =>
  api.post<Site>(`/api/v1/org/sites/${encodeURIComponent(id)}/restore`, { version });

export const useRestoreSite = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreSite,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: siteKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
