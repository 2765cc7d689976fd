import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateActivitySeriesInput } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { activityWriteKeys } from './keys';

export const createActivitySeries = (input: CreateActivitySeriesInput) =>
  api.post<{ seriesId: string; created: number }>('/api/v1/activities/activities/series', input);

export const useCreateActivitySeries = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createActivitySeries,
    onSuccess: () => {
      for (const queryKey of activityWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
