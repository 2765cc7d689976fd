import { useQuery } from '@tanstack/react-query';
import type { Site } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { siteKeys } from './keys';

export const getSite = (id: string, signal?: AbortSignal) =>
  api.get<Site>(`/api/v1/org/sites/${encodeURIComponent(id)}`, undefined, signal);

export const useSite = (id: string | undefined) =>
  useQuery({
    queryKey: siteKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getSite(id as string, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
