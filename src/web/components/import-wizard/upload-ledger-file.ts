import { useMutation } from '@tanstack/react-query';
import { defaultErrorMessages, type ErrorCode, errorStatus } from '../../../contracts/common/errors';
import type { ImportJob } from '../../../contracts/common/io';
import { ApiError, toQueryString } from '../../lib/api-client';

/** The server refuses larger files too (413); checking first spares a long upload on a slow line. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type UploadLedgerFileInput = {
  /** The ledger's base route, e.g. /api/v1/people/persons (the import is `${base}/import`). */
  ledgerBase: string;
  file: File;
  /** Rows that name no 所属村（社区） go to this unit. */
  orgUnitId?: string;
  csrfToken: string;
  /** 0–100, as the bytes leave the browser. */
  onProgress?: (percent: number) => void;
};

const isCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in errorStatus;

type ErrorPayload = { error?: { code?: unknown; message?: unknown } };

const payloadOf = (xhr: XMLHttpRequest): ErrorPayload | null => {
  try {
    return JSON.parse(xhr.responseText) as ErrorPayload;
  } catch {
    return null;
  }
};

const toError = (xhr: XMLHttpRequest): ApiError => {
  const body = payloadOf(xhr);
  const code: ErrorCode = isCode(body?.error?.code)
    ? body.error.code
    : xhr.status === 413
      ? 'PAYLOAD_TOO_LARGE'
      : xhr.status === 0
        ? 'UNAVAILABLE'
        : 'INTERNAL';
  const message =
    typeof body?.error?.message === 'string' && body.error.message
      ? body.error.message
      : xhr.status === 0
        ? '网络连接失败，请检查网络后重试'
        : defaultErrorMessages[code].zh;
  return new ApiError(code, message, xhr.status);
};

/**
 * POST `${ledgerBase}/import` as multipart/form-data (kernel/io, any ledger). XMLHttpRequest rather than fetch: fetch cannot
 * report upload progress, and a 5 MB sheet on a village line takes long enough to need a progress bar.
 * Answers 202 with the job to poll.
 */
export const uploadLedgerFile = ({
  ledgerBase,
  file,
  orgUnitId,
  csrfToken,
  onProgress,
}: UploadLedgerFileInput) =>
  new Promise<ImportJob>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${ledgerBase}/import${toQueryString({ orgUnitId })}`);
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

export const useUploadLedgerFile = () => useMutation({ mutationFn: uploadLedgerFile });
