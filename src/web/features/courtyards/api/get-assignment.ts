import { useQuery } from '@tanstack/react-query';
import type { Assignment } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys } from './keys';

export const getAssignment = (townId: string, month: string, signal?: AbortSignal) =>
  api.get<Assignment>(`${BASE}/assignments`, { townId, month }, signal);

export const useAssignment = (townId: string | undefined, month: string) =>
  useQuery({
    queryKey: courtyardKeys.assignment(townId ?? '', month),
    queryFn: ({ signal }) => getAssignment(townId as string, month, signal),
    enabled: Boolean(townId),
  });
