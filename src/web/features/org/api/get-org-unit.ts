import { useQuery } from '@tanstack/react-query';
import type { OrgUnit } from '../../../../contracts/org';
import { api } from '../../../lib/api-client';
import { orgKeys } from './keys';

export const getOrgUnit = (id: string, signal?: AbortSignal) =>
  api.get<OrgUnit>(`/api/v1/org/units/${encodeURIComponent(id)}`, undefined, signal);

export const useOrgUnit = (id: string | undefined) =>
  useQuery({
    queryKey: orgKeys.unit(id ?? ''),
    queryFn: ({ signal }) => getOrgUnit(id as string, signal),
    enabled: Boolean(id),
  });
