import { useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { VolunteerTeam } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { patrolKeys } from './keys';

export const listForestTeams = (orgUnitId: string | undefined, signal?: AbortSignal) =>
  api.get<ListResult<VolunteerTeam>>(
    '/api/v1/people/volunteer-teams',
    { kind: 'forestTeam', orgUnitId, status: 'active', pageSize: 200, sort: 'name' },
    signal,
  );

/** 林长队 of the unit's subtree, as select options. */
export const useForestTeams = (orgUnitId: string | undefined) =>
  useQuery({
    queryKey: patrolKeys.teams(orgUnitId),
    queryFn: ({ signal }) => listForestTeams(orgUnitId, signal),
    enabled: Boolean(orgUnitId),
    select: (d) => d.items.map((team) => ({ value: team.id, label: team.name })),
  });
