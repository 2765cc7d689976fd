import { useQuery } from '@tanstack/react-query';
import type { Rectification } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys, enc } from './keys';

export const getRectification = (id: string, signal?: AbortSignal) =>
  api.get<Rectification>(`${BASE}/rectifications/${enc(id)}`, undefined, signal);

export const useRectification = (id: string | undefined) =>
  useQuery({
    queryKey: courtyardKeys.rectification(id ?? ''),
    queryFn: ({ signal }) => getRectification(id as string, signal),
    enabled: Boolean(id),
  });
