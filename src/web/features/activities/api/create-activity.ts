import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity, CreateActivityInput } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { activityWriteKeys } from './keys';

/** With a client-made `id`, a retry after a lost answer gets the saved record back (200), not a duplicate. */
export const ACTIVITIES_URL = '/api/v1/activities/activities';

export const createActivity = (input: CreateActivityInput) => api.post<Activity>(ACTIVITIES_URL, input);

export const useCreateActivity = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createActivity,
    onSuccess: () => {
      for (const queryKey of activityWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
