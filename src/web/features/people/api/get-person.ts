import { useQuery } from '@tanstack/react-query';
import type { Person } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { personKeys } from './keys';

export const getPerson = (id: string, signal?: AbortSignal) =>
  api.get<Person>(`/api/v1/people/persons/${encodeURIComponent(id)}`, undefined, signal);

/** The freshest copy (and version) of one person, for the detail drawer and before editing. */
export const usePerson = (id: string | undefined) =>
  useQuery({
    queryKey: personKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getPerson(id as string, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
