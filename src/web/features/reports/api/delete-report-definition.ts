import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReportDefinition, reportsApi } from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { reportKeys } from './keys';

/** Soft delete (with the version she saw); 恢复 brings it back. */
export const useDeleteReportDefinition = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Pick<ReportDefinition, 'id' | 'version'>) =>
      api.delete<void>(`${reportsApi.definitions}/${encodeURIComponent(d.id)}`, { version: d.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.definitions }),
  });
};

export const useRestoreReportDefinition = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Pick<ReportDefinition, 'id' | 'version'>) =>
      api.post<ReportDefinition>(`${reportsApi.definitions}/${encodeURIComponent(d.id)}/restore`, {
        version: d.version,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.definitions }),
  });
};
