import { useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { RoleTerm } from '../../../../contracts/people-roles';
import { api } from '../../../lib/api-client';
import { patrolKeys } from './keys';

export const listForestChiefs = (orgUnitId: string | undefined, activeOn: string, signal?: AbortSignal) =>
  api.get<ListResult<RoleTerm>>(
    '/api/v1/people/role-terms',
    { role: 'forestChief', activeOn, orgUnitId, pageSize: 200 },
    signal,
  );

/** 巾帼林长 holding the role on `activeOn` in the unit's subtree, one option per person. */
export const useForestChiefs = (orgUnitId: string | undefined, activeOn: string) =>
  useQuery({
    queryKey: patrolKeys.chiefs(orgUnitId, activeOn),
    queryFn: ({ signal }) => listForestChiefs(orgUnitId, activeOn, signal),
    enabled: Boolean(orgUnitId),
    select: (d) => {
      const seen = new Map<string, string>();
      for (const r of d.items) seen.set(r.personId, r.personName);
      return [...seen].map(([value, label]) => ({ value, label }));
    },
  });
