import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GridCoverage } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { type CoverageParams, gridKeys } from './keys';

export const getGridCoverage = (params: CoverageParams, signal?: AbortSignal) =>
  api.get<GridCoverage>('/api/v1/org/grids-coverage', params, signal);

export const useGridCoverage = (params: CoverageParams) =>
  useQuery({
    queryKey: gridKeys.coverage(params),
    queryFn: ({ signal }) => getGridCoverage(params, signal),
    placeholderData: keepPreviousData,
  });
