import { useMutation, useQuery } from '@tanstack/react-query';
import { defaultErrorMessages, type ErrorCode, errorStatus } from '../../../../contracts/common/errors';
import type { ImportJob } from '../../../../contracts/common/io';
import { ApiError, api, toQueryString } from '../../../lib/api-client';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const activitiesTemplateUrl = '/api/v1/activities/activities/template';
export const importReportUrl = (jobId: string) => `/api/v1/io/jobs/${encodeURIComponent(jobId)}/report`;

type Input = { file: File; orgUnitId?: string; csrfToken: string; onProgress?: (percent: number) => void };

const isCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in errorStatus;

const toError = (xhr: XMLHttpRequest): ApiError => {
  let message: unknown;
  let code: unknown;
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: unknown; message?: unknown } };
    message = body.error?.message;
    code = body.error?.code;
  } catch {
    message = undefined;
  }
  const c: ErrorCode = isCode(code) ? code : xhr.status === 0 ? 'UNAVAILABLE' : 'INTERNAL';
  return new ApiError(
    c,
    typeof message === 'string' && message ? message : defaultErrorMessages[c].zh,
    xhr.status,
  );
};

/** POST …/import?wait=0 as multipart with upload progress; answers 202 with the job to poll. */
export const importActivities = ({ file, orgUnitId, csrfToken, onProgress }: Input) =>
  new Promise<ImportJob>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/activities/activities/import${toQueryString({ orgUnitId, wait: 0 })}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportJob);
        } catch {
          reject(toError(xhr));
        }
      } else reject(toError(xhr));
    };
    xhr.onerror = () => reject(toError(xhr));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });

export const useImportActivities = () => useMutation({ mutationFn: importActivities });

/** The import's progress, polled while it runs. */
export const useActivitiesImportJob = (initial: ImportJob | undefined) =>
  useQuery({
    queryKey: ['io', 'jobs', initial?.id ?? ''],
    queryFn: ({ signal }) =>
      api.get<ImportJob>(`/api/v1/io/jobs/${encodeURIComponent(initial?.id as string)}`, undefined, signal),
    enabled: Boolean(initial),
    initialData: initial,
    initialDataUpdatedAt: 0,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 700 : false),
    retry: 3,
  });
