import { useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../contracts/audit';
import { api } from '../../../lib/api-client';
import { personKeys } from './keys';

export const getPersonHistory = (id: string, signal?: AbortSignal) =>
  api.get<{ items: AuditEntry[] }>(
    `/api/v1/people/persons/${encodeURIComponent(id)}/history`,
    undefined,
    signal,
  );

/** Every recorded change of one person, newest first. */
export const usePersonHistory = (id: string | undefined) =>
  useQuery({
    queryKey: personKeys.history(id ?? ''),
    queryFn: ({ signal }) => getPersonHistory(id as string, signal),
    enabled: Boolean(id),
    select: (data) => data.items,
  });
