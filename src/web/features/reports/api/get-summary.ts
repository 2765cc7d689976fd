import { useQuery } from '@tanstack/react-query';
import { reportsApi, type Summary } from '../../../../contracts/reports';
import { api } from '../../../lib/api-client';
import { reportKeys } from './keys';

export const summaryPath = (id: string) => `${reportsApi.summaries}/${encodeURIComponent(id)}`;

export const useSummary = (id: string | undefined) =>
  useQuery({
    queryKey: reportKeys.summary(id ?? ''),
    queryFn: ({ signal }) => api.get<Summary>(summaryPath(id as string), undefined, signal),
    enabled: Boolean(id),
  });

/** The .docx of the saved summary, or of one of its versions. */
export const summaryExportUrl = (id: string, version?: number) =>
  `${summaryPath(id)}/export${version ? `?version=${version}` : ''}`;
