import { useQuery } from '@tanstack/react-query';
import type { Patrol } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { patrolKeys } from './keys';

export const getPatrol = (id: string, signal?: AbortSignal) =>
  api.get<Patrol>(`/api/v1/activities/patrols/${encodeURIComponent(id)}`, undefined, signal);

export const usePatrol = (id: string) =>
  useQuery({ queryKey: patrolKeys.detail(id), queryFn: ({ signal }) => getPatrol(id, signal) });
