import { useQuery } from '@tanstack/react-query';
import type { Inspection } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys, enc } from './keys';

export const getInspection = (id: string, signal?: AbortSignal) =>
  api.get<Inspection>(`${BASE}/inspections/${enc(id)}`, undefined, signal);

export const useInspection = (id: string | undefined) =>
  useQuery({
    queryKey: courtyardKeys.inspection(id ?? ''),
    queryFn: ({ signal }) => getInspection(id as string, signal),
    enabled: Boolean(id),
  });
