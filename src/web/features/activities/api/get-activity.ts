import { useQuery } from '@tanstack/react-query';
import type { ActivityDetail } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { activityKeys } from './keys';

export const getActivity = (id: string, signal?: AbortSignal) =>
  api.get<ActivityDetail>(`/api/v1/activities/activities/${encodeURIComponent(id)}`, undefined, signal);

export const useActivity = (id: string | undefined) =>
  useQuery({
    queryKey: activityKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getActivity(id as string, signal),
    enabled: Boolean(id),
  });
