import { useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Person } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';

const PAGE = 200;
const MAX_PAGES = 10;

/** Every active person of one village, to name a women's group's members (the group holds only ids). */
export const listVillagePersons = async (orgUnitId: string, signal?: AbortSignal) => {
  const all: Person[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await api.get<ListResult<Person>>(
      '/api/v1/people/persons',
      { orgUnitId, status: 'active', page, pageSize: PAGE, sort: 'name' },
      signal,
    );
    all.push(...res.items);
    if (page * PAGE >= res.total) break;
  }
  return all;
};

export const useVillagePersons = (orgUnitId: string | undefined) =>
  useQuery({
    queryKey: ['people', 'persons', 'village', orgUnitId ?? ''],
    queryFn: ({ signal }) => listVillagePersons(orgUnitId as string, signal),
    enabled: Boolean(orgUnitId),
    staleTime: 60_000,
  });
