import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VersionInput } from '../../../../contracts/org';
import { api } from '../../../lib/api-client';
import { orgKeys } from './keys';

/** Soft delete: only a unit with no live children or users; restorable. */
export const deleteOrgUnit = ({ id, version }: VersionInput & { id: string }) =>
  api.delete<{ ok: true }>(`/api/v1/org/units/${encodeURIComponent(id)}`, { version });

export const useDeleteOrgUnit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteOrgUnit,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
};
