import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Patrol } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { patrolWriteKeys } from './keys';

export const deletePatrol = ({ id, version }: { id: string; version: number }) =>
  api.delete<Patrol>(`/api/v1/activities/patrols/${encodeURIComponent(id)}`, { version });

export const useDeletePatrol = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePatrol,
    onSuccess: () => {
      for (const queryKey of patrolWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
