import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SummaryMeta } from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { summaryPath } from './get-summary';
import { reportKeys } from './keys';

export const useDeleteSummary = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: Pick<SummaryMeta, 'id' | 'version'>) =>
      api.delete<void>(summaryPath(s.id), { version: s.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.summaries }),
  });
};

export const useRestoreSummary = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: Pick<SummaryMeta, 'id' | 'version'>) =>
      api.post<SummaryMeta>(`${summaryPath(s.id)}/restore`, { version: s.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.summaries }),
  });
};
