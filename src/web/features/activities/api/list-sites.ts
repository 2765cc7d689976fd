import { useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Site } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';

const params = (orgUnitId: string | undefined) => ({ orgUnitId, pageSize: 200, sort: 'name' });

export const listUnitSites = (orgUnitId: string | undefined, signal?: AbortSignal) =>
  api.get<ListResult<Site>>('/api/v1/org/sites', params(orgUnitId), signal);

/** The sites of a unit's subtree, for the site picker (a village has a handful). */
export const useUnitSites = (orgUnitId: string | undefined) =>
  useQuery({
    queryKey: ['org', 'sites', 'list', params(orgUnitId)],
    queryFn: ({ signal }) => listUnitSites(orgUnitId, signal),
    enabled: Boolean(orgUnitId),
    select: (data) => data.items,
    staleTime: 60_000,
  });
