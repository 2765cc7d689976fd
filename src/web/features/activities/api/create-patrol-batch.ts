import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePatrolBatchInput, Patrol } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { patrolWriteKeys } from './keys';

/** All or nothing: a 400 names the bad row as `items.N.field`. */
export const createPatrolBatch = (input: CreatePatrolBatchInput) =>
  api.post<{ created: number; items: Patrol[] }>('/api/v1/activities/patrols/batch', input);

export const useCreatePatrolBatch = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPatrolBatch,
    onSuccess: () => {
      for (const queryKey of patrolWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
