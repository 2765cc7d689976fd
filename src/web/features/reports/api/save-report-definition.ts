import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreateReportDefinitionInput,
  type ReportDefinition,
  reportsApi,
  type UpdateReportDefinitionInput,
} from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { reportKeys } from './keys';

type Save =
  | { id?: undefined; input: CreateReportDefinitionInput }
  | { id: string; input: UpdateReportDefinitionInput };

/** Creates a report definition, or updates one (with its version: a stale copy answers 409). */
export const useSaveReportDefinition = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: Save) =>
      s.id
        ? api.patch<ReportDefinition>(`${reportsApi.definitions}/${encodeURIComponent(s.id)}`, s.input)
        : api.post<ReportDefinition>(reportsApi.definitions, s.input),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.definitions }),
  });
};
