import { defaultErrorMessages, type ErrorCode, errorStatus } from '../../contracts/common/errors';
import { ApiError } from './api-client';

export type UploadFileInput = {
  /** The endpoint taking the multipart upload (field `file`). */
  url: string;
  file: File;
  csrfToken: string;
  /** 0–100, as the bytes leave the phone. */
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
 * POSTs one file as multipart (field `file`): a photo, an Excel sheet to import. XMLHttpRequest rather than fetch: fetch cannot report
 * upload progress, and a phone photo or a 5 MB sheet on a village line takes long enough to need a bar.
 */
export const uploadFile = <T>({ url, file, csrfToken, onProgress }: UploadFileInput) =>
  new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(toError(xhr));
        }
      } else reject(toError(xhr));
    };
    xhr.onerror = () => reject(toError(xhr));
    const form = new FormData();
    form.append('file', file, file.name || 'photo.jpg');
    xhr.send(form);
  });
