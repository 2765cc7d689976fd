import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Rubric } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys, type RubricListParams } from './keys';

export const listRubrics = (params: RubricListParams, signal?: AbortSignal) =>
  api.get<ListResult<Rubric>>(`${BASE}/rubrics`, params, signal);

export const useRubrics = (params: RubricListParams) =>
  useQuery({
    queryKey: courtyardKeys.rubrics(params),
    queryFn: ({ signal }) => listRubrics(params, signal),
    placeholderData: keepPreviousData,
  });
