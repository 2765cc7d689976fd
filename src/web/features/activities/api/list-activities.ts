import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Activity } from '../../../../contracts/activities';
import type { ListResult } from '../../../../contracts/common/paging';
import { api, toQueryString } from '../../../lib/api-client';
import { type ActivityListParams, activityKeys } from './keys';

export const listActivities = (params: ActivityListParams, signal?: AbortSignal) =>
  api.get<ListResult<Activity>>('/api/v1/activities/activities', params, signal);

export const useActivities = (params: ActivityListParams) =>
  useQuery({
    queryKey: activityKeys.list(params),
    queryFn: ({ signal }) => listActivities(params, signal),
    placeholderData: keepPreviousData,
  });

/** GET …/export with the list's filters: an .xlsx download (a plain link; the session cookie goes along). */
export const activitiesExportUrl = (params: ActivityListParams) => {
  const { page: _page, pageSize: _size, sort: _sort, ...filters } = params;
  return `/api/v1/activities/activities/export${toQueryString(filters)}`;
};
