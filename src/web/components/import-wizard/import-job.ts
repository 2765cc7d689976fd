import { useQuery } from '@tanstack/react-query';
import type { ImportJob } from '../../../contracts/common/io';
import { api } from '../../lib/api-client';

const importJobKeys = { detail: (id: string) => ['io', 'jobs', id] as const };

const POLL_MS = 700;

export const getImportJob = (id: string, signal?: AbortSignal) =>
  api.get<ImportJob>(`/api/v1/io/jobs/${encodeURIComponent(id)}`, undefined, signal);

/** An import's progress, polled while it runs; `initial` is the 202 answer of the upload. */
export const useImportJob = (initial: ImportJob | undefined) =>
  useQuery({
    queryKey: importJobKeys.detail(initial?.id ?? ''),
    queryFn: ({ signal }) => getImportJob(initial?.id as string, signal),
    enabled: Boolean(initial),
    initialData: initial,
    initialDataUpdatedAt: 0,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? POLL_MS : false),
    refetchIntervalInBackground: true,
    retry: 3,
  });

/** GET /api/v1/io/jobs/:jobId/report: the uploaded rows with a 错误原因 column, as .xlsx. */
export const importJobReportUrl = (jobId: string) => `/api/v1/io/jobs/${encodeURIComponent(jobId)}/report`;
