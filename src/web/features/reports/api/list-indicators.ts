import { useQuery } from '@tanstack/react-query';
import type { IndicatorDef } from '../../../../contracts/indicators';
import { api } from '../../../lib/api-client';
import { statsKeys } from './keys';

export const listIndicators = (signal?: AbortSignal) =>
  api.get<{ items: IndicatorDef[] }>('/api/v1/indicators', undefined, signal);

/** The indicators this user may read (the server filters by permission). */
export const useIndicators = () =>
  useQuery({
    queryKey: statsKeys.defs,
    queryFn: ({ signal }) => listIndicators(signal),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
  });
