import { useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../contracts/audit';
import { api } from '../../../lib/api-client';
import { activityKeys } from './keys';

export const getActivityHistory = (id: string, signal?: AbortSignal) =>
  api.get<{ items: AuditEntry[] }>('/api/v1/history', { entityType: 'activity', entityId: id }, signal);

/** Every recorded change of one activity, newest first. */
export const useActivityHistory = (id: string) =>
  useQuery({
    queryKey: activityKeys.history(id),
    queryFn: ({ signal }) => getActivityHistory(id, signal),
    select: (data) => data.items,
  });
