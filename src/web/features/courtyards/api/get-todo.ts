import { useQuery } from '@tanstack/react-query';
import type { Todo } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys } from './keys';

export const getTodo = (orgUnitId: string | undefined, month: string, signal?: AbortSignal) =>
  api.get<Todo>(`${BASE}/todo`, { orgUnitId, month }, signal);

/** The month's 待检清单: each group's villages and the households not yet inspected. */
export const useTodo = (orgUnitId: string | undefined, month: string) =>
  useQuery({
    queryKey: courtyardKeys.todo(orgUnitId, month),
    queryFn: ({ signal }) => getTodo(orgUnitId, month, signal),
  });
