import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Patrol, UpdatePatrolInput } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { patrolWriteKeys } from './keys';

export const updatePatrol = ({ id, ...input }: UpdatePatrolInput & { id: string }) =>
  api.patch<Patrol>(`/api/v1/activities/patrols/${encodeURIComponent(id)}`, input);

export const useUpdatePatrol = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePatrol,
    onSuccess: () => {
      for (const queryKey of patrolWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
