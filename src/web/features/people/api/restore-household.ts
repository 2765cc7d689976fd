import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Household } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { householdKeys } from './keys';

export const restoreHousehold = ({ id, version }: { id: string; version: number }) =>
  api.post<Household>(`/api/v1/people/households/${encodeURIComponent(id)}/restore`, { version });

export const useRestoreHousehold = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreHousehold,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: householdKeys.all }),
  });
};
