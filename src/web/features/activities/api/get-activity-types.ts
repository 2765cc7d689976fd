import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { activityKeys } from './keys';

export type ActivityType = { code: string; label: { zh: string; en: string }; isDated?: boolean };

export const getActivityTypes = (signal?: AbortSignal) =>
  api.get<{ types: ActivityType[]; isDefault: boolean }>('/api/v1/activities/types', undefined, signal);

/** The county's activity types (codes with labels); every type select and label reads these. */
export const useActivityTypes = () =>
  useQuery({
    queryKey: activityKeys.types,
    queryFn: ({ signal }) => getActivityTypes(signal),
    select: (data) => data.types,
    staleTime: 10 * 60_000,
  });
