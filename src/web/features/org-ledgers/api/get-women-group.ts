import { useQuery } from '@tanstack/react-query';
import type { WomenGroup } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { womenGroupKeys } from './keys';

export const getWomenGroup = (id: string, signal?: AbortSignal) =>
  api.get<WomenGroup>(`/api/v1/org/women-groups/${encodeURIComponent(id)}`, undefined, signal);

export const useWomenGroup = (id: string | undefined) =>
  useQuery({
    queryKey: womenGroupKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getWomenGroup(id as string, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
