import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { OrgUnit } from '../../../../contracts/org';
import { api } from '../../../lib/api-client';
import { type OrgUnitListParams, orgKeys } from './keys';

export const listOrgUnits = (params: OrgUnitListParams, signal?: AbortSignal) =>
  api.get<ListResult<OrgUnit>>('/api/v1/org/units', params, signal);

export const useOrgUnits = (params: OrgUnitListParams) =>
  useQuery({
    queryKey: orgKeys.units(params),
    queryFn: ({ signal }) => listOrgUnits(params, signal),
    placeholderData: keepPreviousData,
  });
