import type { ListHouseholdsQuery, ListPersonsQuery } from '../../../../contracts/people';

export type PersonListParams = Partial<ListPersonsQuery>;
export type HouseholdListParams = Partial<ListHouseholdsQuery>;

export const personKeys = {
  all: ['people', 'persons'] as const,
  list: (params: PersonListParams) => ['people', 'persons', 'list', params] as const,
  detail: (id: string) => ['people', 'persons', 'detail', id] as const,
  history: (id: string) => ['people', 'persons', 'history', id] as const,
};

export const householdKeys = {
  all: ['people', 'households'] as const,
  list: (params: HouseholdListParams) => ['people', 'households', 'list', params] as const,
  detail: (id: string) => ['people', 'households', 'detail', id] as const,
};
