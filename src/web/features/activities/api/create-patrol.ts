import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePatrolInput, Patrol } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { patrolWriteKeys } from './keys';

/** With a client-made `id`, a retry after a lost answer gets the saved record back (200). */
export const createPatrol = (input: CreatePatrolInput) =>
  api.post<Patrol>('/api/v1/activities/patrols', input);

export const useCreatePatrol = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPatrol,
    onSuccess: () => {
      for (const queryKey of patrolWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
