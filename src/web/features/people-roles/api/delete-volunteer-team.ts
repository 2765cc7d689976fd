import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VolunteerTeam } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { teamKeys } from './keys';

export const deleteVolunteerTeam = ({ id, version }: { id: string; version: number }) =>
  api.delete<VolunteerTeam>(`/api/v1/people/volunteer-teams/${encodeURIComponent(id)}`, { version });

export const useDeleteVolunteerTeam = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteVolunteerTeam,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
