import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { VolunteerTeam } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { type TeamListParams, teamKeys } from './keys';

export const listVolunteerTeams = (params: TeamListParams, signal?: AbortSignal) =>
  api.get<ListResult<VolunteerTeam>>('/api/v1/people/volunteer-teams', params, signal);

export const useVolunteerTeams = (params: TeamListParams, enabled = true) =>
  useQuery({
    queryKey: teamKeys.list(params),
    queryFn: ({ signal }) => listVolunteerTeams(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
