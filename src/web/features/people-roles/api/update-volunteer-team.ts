import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateVolunteerTeamInput, VolunteerTeam } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { teamKeys } from './keys';

export const updateVolunteerTeam = ({ id, ...input }: UpdateVolunteerTeamInput & { id: string }) =>
  api.patch<VolunteerTeam>(`/api/v1/people/volunteer-teams/${encodeURIComponent(id)}`, input);

export const useUpdateVolunteerTeam = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateVolunteerTeam,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
