import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetActivityTypesInput } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import type { ActivityType } from './get-activity-types';
import { activityKeys } from './keys';

export const setActivityTypes = (input: SetActivityTypesInput) =>
  api.put<{ types: ActivityType[]; isDefault: boolean }>('/api/v1/activities/types', input);

export const useSetActivityTypes = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setActivityTypes,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: activityKeys.types });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
