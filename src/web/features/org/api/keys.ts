import type { ListOrgUnitsQuery } from '../../../../contracts/org';

export type OrgUnitListParams = Partial<ListOrgUnitsQuery>;

/** Every org query starts with 'org', so one invalidation refreshes lists, details and the tree. */
export const orgKeys = {
  all: ['org'] as const,
  units: (params: OrgUnitListParams) => ['org', 'units', params] as const,
  unit: (id: string) => ['org', 'unit', id] as const,
};
