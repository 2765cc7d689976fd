import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Patrol } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { patrolWriteKeys } from './keys';

export const restorePatrol = ({ id, version }: { id: string; version: number }) =>
  api.post<Patrol>(`/api/v1/activities/patrols/${encodeURIComponent(id)}/restore`, { version });

export const useRestorePatrol = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restorePatrol,
    onSuccess: () => {
      for (const queryKey of patrolWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
