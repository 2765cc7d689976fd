import type {
  ListActivitiesQuery,
  ListCampaignsQuery,
  ListPatrolsQuery,
} from '../../../../contracts/activities';

export type ActivityListParams = Partial<ListActivitiesQuery>;
export type CampaignListParams = Partial<ListCampaignsQuery>;

export const activityKeys = {
  all: ['activities', 'activities'] as const,
  types: ['activities', 'types'] as const,
  list: (params: ActivityListParams) => ['activities', 'activities', 'list', params] as const,
  detail: (id: string) => ['activities', 'activities', 'detail', id] as const,
  history: (id: string) => ['activities', 'activities', 'history', id] as const,
};

export const campaignKeys = {
  all: ['activities', 'campaigns'] as const,
  list: (params: CampaignListParams) => ['activities', 'campaigns', 'list', params] as const,
  detail: (id: string) => ['activities', 'campaigns', 'detail', id] as const,
};

/** Everything an activity write can change: lists, details, campaign totals and indicator counts. */
export const activityWriteKeys = [activityKeys.all, campaignKeys.all, ['indicators']] as const;

export type PatrolListParams = Partial<ListPatrolsQuery>;

export const patrolKeys = {
  all: ['activities', 'patrols'] as const,
  list: (params: PatrolListParams) => ['activities', 'patrols', 'list', params] as const,
  detail: (id: string) => ['activities', 'patrols', 'detail', id] as const,
  teams: (orgUnitId: string | undefined) => ['activities', 'patrols', 'teams', orgUnitId] as const,
  chiefs: (orgUnitId: string | undefined, on: string) =>
    ['activities', 'patrols', 'chiefs', orgUnitId, on] as const,
};

/** Everything a patrol write can change: lists, details, history and indicator counts. */
export const patrolWriteKeys = [patrolKeys.all, ['history', 'patrol'], ['indicators']] as const;
