import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Person } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { type PersonListParams, personKeys } from './keys';

export const listPersons = (params: PersonListParams, signal?: AbortSignal) =>
  api.get<ListResult<Person>>('/api/v1/people/persons', params, signal);

export const usePersons = (params: PersonListParams, enabled = true) =>
  useQuery({
    queryKey: personKeys.list(params),
    queryFn: ({ signal }) => listPersons(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
