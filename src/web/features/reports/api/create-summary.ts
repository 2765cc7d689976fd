import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DraftSummaryInput, reportsApi, type Summary } from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { reportKeys } from './keys';

/** The server drafts the summary from the records and saves it as version 1. */
export const useCreateSummary = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DraftSummaryInput) => api.post<Summary>(reportsApi.summaries, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.summaries }),
  });
};
