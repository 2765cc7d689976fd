import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Inspection } from '../../../../contracts/courtyards';
import { api, toQueryString } from '../../../lib/api-client';
import { BASE, courtyardKeys, type InspectionListParams } from './keys';

export const listInspections = (params: InspectionListParams, signal?: AbortSignal) =>
  api.get<ListResult<Inspection>>(`${BASE}/inspections`, params, signal);

export const useInspections = (params: InspectionListParams, enabled = true) =>
  useQuery({
    queryKey: courtyardKeys.inspections(params),
    queryFn: ({ signal }) => listInspections(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** The kernel/io export of the list as filtered (page and sort left out). */
export const inspectionsExportQuery = (params: InspectionListParams): Record<string, string | undefined> => {
  const { page: _p, pageSize: _s, sort: _o, ...filters } = params;
  return Object.fromEntries(
    Object.entries(filters).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
  );
};

export const inspectionsLedgerBase = `${BASE}/inspections`;
export const inspectionsExportUrl = (params: InspectionListParams) =>
  `${inspectionsLedgerBase}/export${toQueryString(inspectionsExportQuery(params))}`;
