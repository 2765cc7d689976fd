import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import { type ReportDefinition, reportsApi } from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { type DefinitionListParams, reportKeys } from './keys';

export const listReportDefinitions = (params: DefinitionListParams, signal?: AbortSignal) =>
  api.get<ListResult<ReportDefinition>>(reportsApi.definitions, params, signal);

export const useReportDefinitions = (params: DefinitionListParams) =>
  useQuery({
    queryKey: reportKeys.definitionList(params),
    queryFn: ({ signal }) => listReportDefinitions(params, signal),
    placeholderData: keepPreviousData,
  });
