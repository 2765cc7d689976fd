import { useQuery } from '@tanstack/react-query';
import type { Grid } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { gridKeys } from './keys';

export const getGrid = (id: string, signal?: AbortSignal) =>
  api.get<Grid>(`/api/v1/org/grids/${encodeURIComponent(id)}`, undefined, signal);

export const useGrid = (id: string | undefined) =>
  useQuery({
    queryKey: gridKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getGrid(id as string, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
