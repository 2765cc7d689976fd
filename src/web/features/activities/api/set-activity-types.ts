import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CodeListInput } from '../../../../contracts/common/code-lists';
import { api } from '../../../lib/api-client';
import type { ActivityType } from './get-activity-types';
import { activityKeys } from './keys';

export const setActivityTypes = (types: CodeListInput) =>
  api.put<{ types: ActivityType[]; isDefault: boolean }>('/api/v1/activities/types', { types });

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
