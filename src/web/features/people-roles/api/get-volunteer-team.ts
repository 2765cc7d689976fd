import { useQuery } from '@tanstack/react-query';
import type { VolunteerTeam } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { teamKeys } from './keys';

export const getVolunteerTeam = (id: string, signal?: AbortSignal) =>
  api.get<VolunteerTeam>(`/api/v1/people/volunteer-teams/${encodeURIComponent(id)}`, undefined, signal);

export const useVolunteerTeam = (id: string | undefined) =>
  useQuery({
    queryKey: teamKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getVolunteerTeam(id as string, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
