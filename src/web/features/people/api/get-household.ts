import { useQuery } from '@tanstack/react-query';
import type { Household } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { householdKeys } from './keys';

export const getHousehold = (id: string, signal?: AbortSignal) =>
  api.get<Household>(`/api/v1/people/households/${encodeURIComponent(id)}`, undefined, signal);

export const useHousehold = (id: string | undefined) =>
  useQuery({
    queryKey: householdKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getHousehold(id as string, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
