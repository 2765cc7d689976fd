import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SaveSummaryInput, Summary } from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { summaryPath } from './get-summary';
import { reportKeys } from './keys';

/** Saves her edits as a new version (409 when someone saved in between). */
export const useSaveSummary = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSummaryInput) => api.put<Summary>(summaryPath(id), input),
    onSuccess: (s) => {
      qc.setQueryData(reportKeys.summary(id), s);
      void qc.invalidateQueries({ queryKey: reportKeys.summaries });
    },
  });
};
