import { useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Household } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';

const PAGE = 200;
const MAX_PAGES = 10;

/** Every active household of one village (a grid divides one village, so its households are all there). */
export const listVillageHouseholds = async (orgUnitId: string, signal?: AbortSignal) => {
  const all: Household[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await api.get<ListResult<Household>>(
      '/api/v1/people/households',
      { orgUnitId, status: 'active', page, pageSize: PAGE, sort: 'address' },
      signal,
    );
    all.push(...res.items.filter((h) => h.orgUnitId === orgUnitId));
    if (page * PAGE >= res.total) break;
  }
  return all;
};

export const useVillageHouseholds = (orgUnitId: string | undefined) =>
  useQuery({
    queryKey: ['people', 'households', 'village', orgUnitId ?? ''],
    queryFn: ({ signal }) => listVillageHouseholds(orgUnitId as string, signal),
    enabled: Boolean(orgUnitId),
  });
