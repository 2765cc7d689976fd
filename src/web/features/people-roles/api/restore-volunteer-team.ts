import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VolunteerTeam } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { teamKeys } from './keys';

export const restoreVolunteerTeam = ({ id, version }: { id: string; version: number }) =>
  api.post<VolunteerTeam>(`/api/v1/people/volunteer-teams/${encodeURIComponent(id)}/restore`, { version });

export const useRestoreVolunteerTeam = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreVolunteerTeam,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
