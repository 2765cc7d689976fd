import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Grid } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { type GridListParams, gridKeys } from './keys';

export const listGrids = (params: GridListParams, signal?: AbortSignal) =>
  api.get<ListResult<Grid>>('/api/v1/org/grids', params, signal);

export const useGrids = (params: GridListParams, enabled = true) =>
  useQuery({
    queryKey: gridKeys.list(params),
    queryFn: ({ signal }) => listGrids(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
