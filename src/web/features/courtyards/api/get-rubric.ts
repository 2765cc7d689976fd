import { useQuery } from '@tanstack/react-query';
import type { Rubric } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys, enc } from './keys';

export const getRubric = (id: string, signal?: AbortSignal) =>
  api.get<Rubric>(`${BASE}/rubrics/${enc(id)}`, undefined, signal);

/** The rubric version an inspection was scored with (old inspections keep theirs). */
export const useRubric = (id: string | undefined) =>
  useQuery({
    queryKey: courtyardKeys.rubric(id ?? ''),
    queryFn: ({ signal }) => getRubric(id as string, signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
