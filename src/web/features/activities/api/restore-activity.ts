import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { activityWriteKeys } from './keys';

export const restoreActivity = ({ id, version }: { id: string; version: number }) =>
  api.post<Activity>(`/api/v1/activities/activities/${encodeURIComponent(id)}/restore`, { version });

export const useRestoreActivity = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreActivity,
    onSuccess: () => {
      for (const queryKey of activityWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
