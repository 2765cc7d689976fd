import { useQuery } from '@tanstack/react-query';
import type { Rubric } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys } from './keys';

export type EffectiveRubric = { rubric: Rubric | null; isInherited: boolean };

export const getEffectiveRubric = (orgUnitId: string, year: number, signal?: AbortSignal) =>
  api.get<EffectiveRubric>(`${BASE}/rubrics/effective`, { orgUnitId, year }, signal);

/** The rubric a village scores with in a year: its own, else the town's or county's. */
export const useEffectiveRubric = (orgUnitId: string | undefined, year: number) =>
  useQuery({
    queryKey: courtyardKeys.effectiveRubric(orgUnitId ?? '', year),
    queryFn: ({ signal }) => getEffectiveRubric(orgUnitId as string, year, signal),
    enabled: Boolean(orgUnitId),
    staleTime: 5 * 60_000,
  });
