import { isApiError } from './api-client';

/** A dropped connection or a server hiccup is worth retrying; a refusal (400, 403, 409) is not. */
export const isRetryable = (e: unknown): boolean =>
  isApiError(e) && (e.status === 0 || e.status >= 500 || e.code === 'UNAVAILABLE');

/** 1s, 2s, 4s, 8s, 15s: five tries cover a phone walking out of a dead spot. */
export const retryDelays = [1000, 2000, 4000, 8000, 15000];

export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
