import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegenerateSummaryInput, RegenerateSummaryResult } from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { summaryPath } from './get-summary';
import { reportKeys } from './keys';

/** Redrafts from today's records; the answer lists the figures that changed. */
export const useRegenerateSummary = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RegenerateSummaryInput) =>
      api.post<RegenerateSummaryResult>(`${summaryPath(id)}/regenerate`, input),
    onSuccess: (r) => {
      qc.setQueryData(reportKeys.summary(id), r.summary);
      void qc.invalidateQueries({ queryKey: reportKeys.summaries });
    },
  });
};
