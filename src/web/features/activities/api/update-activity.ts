import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity, UpdateActivityInput } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { activityWriteKeys } from './keys';

export const updateActivity = ({ id, ...input }: UpdateActivityInput & { id: string }) =>
  api.patch<Activity>(`/api/v1/activities/activities/${encodeURIComponent(id)}`, input);

export const useUpdateActivity = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateActivity,
    onSuccess: () => {
      for (const queryKey of activityWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
