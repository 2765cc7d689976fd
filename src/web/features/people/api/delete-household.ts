import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { householdKeys } from './keys';

export const deleteHousehold = ({ id, version }: { id: string; version: number }) =>
  api.delete<{ ok: true }>(`/api/v1/people/households/${encodeURIComponent(id)}`, { version });

export const useDeleteHousehold = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteHousehold,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: householdKeys.all }),
  });
};
