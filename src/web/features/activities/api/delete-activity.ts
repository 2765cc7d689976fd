import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { activityWriteKeys } from './keys';

export const deleteActivity = ({ id, version }: { id: string; version: number }) =>
  api.delete<Activity>(`/api/v1/activities/activities/${encodeURIComponent(id)}`, { version });

export const useDeleteActivity = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteActivity,
    onSuccess: () => {
      for (const queryKey of activityWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
