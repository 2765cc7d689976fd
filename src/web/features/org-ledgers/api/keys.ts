import type {
  ListElectionsQuery,
  ListGridsQuery,
  ListSitesQuery,
  ListWomenGroupsQuery,
} from '../../../../contracts/org-ledgers';

export type SiteListParams = Partial<ListSitesQuery>;
export type GridListParams = Partial<ListGridsQuery>;
export type WomenGroupListParams = Partial<ListWomenGroupsQuery>;
export type ElectionListParams = Partial<ListElectionsQuery>;
export type CoverageParams = { orgUnitId?: string; maxPersons: number; maxSpecialFamilies: number };

export const siteKeys = {
  all: ['org', 'sites'] as const,
  kinds: ['org', 'site-kinds'] as const,
  list: (params: SiteListParams) => ['org', 'sites', 'list', params] as const,
  detail: (id: string) => ['org', 'sites', 'detail', id] as const,
};

export const gridKeys = {
  all: ['org', 'grids'] as const,
  list: (params: GridListParams) => ['org', 'grids', 'list', params] as const,
  detail: (id: string) => ['org', 'grids', 'detail', id] as const,
  coverage: (params: CoverageParams) => ['org', 'grids', 'coverage', params] as const,
};

export const womenGroupKeys = {
  all: ['org', 'women-groups'] as const,
  list: (params: WomenGroupListParams) => ['org', 'women-groups', 'list', params] as const,
  detail: (id: string) => ['org', 'women-groups', 'detail', id] as const,
};

export const electionKeys = {
  all: ['org', 'elections'] as const,
  list: (params: ElectionListParams) => ['org', 'elections', 'list', params] as const,
  detail: (id: string) => ['org', 'elections', 'detail', id] as const,
};
