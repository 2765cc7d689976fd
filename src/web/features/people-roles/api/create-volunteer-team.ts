import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateVolunteerTeamInput, VolunteerTeam } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { teamKeys } from './keys';

export const createVolunteerTeam = (input: CreateVolunteerTeamInput) =>
  api.post<VolunteerTeam>('/api/v1/people/volunteer-teams', input);

export const useCreateVolunteerTeam = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createVolunteerTeam,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
