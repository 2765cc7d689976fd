import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Summary, SummaryVersion, SummaryVersionDetail } from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { summaryPath } from './get-summary';
import { reportKeys } from './keys';

export const useSummaryVersions = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: reportKeys.versions(id),
    queryFn: ({ signal }) =>
      api.get<{ items: SummaryVersion[] }>(`${summaryPath(id)}/versions`, undefined, signal),
    select: (d) => d.items,
    enabled,
  });

export const useSummaryVersion = (id: string, versionNo: number | null) =>
  useQuery({
    queryKey: reportKeys.version(id, versionNo ?? 0),
    queryFn: ({ signal }) =>
      api.get<SummaryVersionDetail>(`${summaryPath(id)}/versions/${versionNo}`, undefined, signal),
    enabled: versionNo !== null,
  });

/** Makes an old version current again (saved as a new version; nothing is overwritten). */
export const useRestoreSummaryVersion = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ versionNo, version }: { versionNo: number; version: number }) =>
      api.post<Summary>(`${summaryPath(id)}/versions/${versionNo}/restore`, { version }),
    onSuccess: (s) => {
      qc.setQueryData(reportKeys.summary(id), s);
      void qc.invalidateQueries({ queryKey: reportKeys.summaries });
    },
  });
};
