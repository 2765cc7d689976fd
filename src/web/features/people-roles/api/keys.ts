import type { ListRoleTermsQuery, ListVolunteerTeamsQuery } from '../../../../contracts/people-roles';

export type RoleTermListParams = Partial<ListRoleTermsQuery>;
export type TeamListParams = Partial<ListVolunteerTeamsQuery>;

export const roleTermKeys = {
  all: ['people', 'role-terms'] as const,
  list: (params: RoleTermListParams) => ['people', 'role-terms', 'list', params] as const,
  detail: (id: string) => ['people', 'role-terms', 'detail', id] as const,
};

export const teamKeys = {
  all: ['people', 'volunteer-teams'] as const,
  list: (params: TeamListParams) => ['people', 'volunteer-teams', 'list', params] as const,
  detail: (id: string) => ['people', 'volunteer-teams', 'detail', id] as const,
};
