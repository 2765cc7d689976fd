import { useQuery } from '@tanstack/react-query';
import type { SummaryVersion, SummaryVersionDetail } from '../../../../contracts/reports';
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
