import { isApiError } from './api-client';

/** A dropped connection or a server hiccup is worth retrying; a refusal (400, 403, 409) is not. */
export const isRetryable = (e: unknown): boolean =>
  isApiError(e) && (e.status === 0 || e.status >= 500 || e.code === 'UNAVAILABLE');

/** 1s, 2s, 4s, 8s, 15s: five tries cover a phone walking out of a dead spot. */
export const retryDelays = [1000, 2000, 4000, 8000, 15000];

export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    // Already stopped (e.g. 取消 tapped while the request was out): no wait at all.
    if (signal.aborted) return reject(new DOMException('aborted', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });

export type RetriedSave<T> =
  | { kind: 'saved'; value: T }
  | { kind: 'refused'; error: unknown }
  | { kind: 'failed'; error: unknown }
  | { kind: 'stopped' };

/**
 * Sends a create whose id the phone chose, again and again through a dropped connection (the server
 * answers a repeat with the record already saved, so it is never saved twice): `refused` when the
 * server says no (400, 403, 409), `failed` after the last delay, `stopped` when `signal` aborts.
 */
export const saveWithRetry = async <T>(
  send: () => Promise<T>,
  {
    signal,
    onRetry,
    delays = retryDelays,
  }: {
    signal: AbortSignal;
    onRetry: (attempt: number) => void;
    /** Shorter where a failed save has somewhere to go (the offline outbox). */
    delays?: number[];
  },
): Promise<RetriedSave<T>> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return { kind: 'saved', value: await send() };
    } catch (error) {
      if (!isRetryable(error)) return { kind: 'refused', error };
      if (attempt >= delays.length) return { kind: 'failed', error };
      onRetry(attempt + 1);
      try {
        await sleep(delays[attempt], signal);
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') return { kind: 'stopped' };
        throw e;
      }
    }
  }
};
