import { useQuery } from '@tanstack/react-query';
import type { HouseholdFile } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys, enc } from './keys';

export const getHouseholdFile = (householdId: string, signal?: AbortSignal) =>
  api.get<HouseholdFile>(`${BASE}/households/${enc(householdId)}/file`, undefined, signal);

export const useHouseholdFile = (householdId: string | undefined) =>
  useQuery({
    queryKey: courtyardKeys.householdFile(householdId ?? ''),
    queryFn: ({ signal }) => getHouseholdFile(householdId as string, signal),
    enabled: Boolean(householdId),
  });
