import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { saveWithRetry } from './retry';

const dropped = () => new ApiError('UNAVAILABLE', '网络中断', 0);
const refused = () => new ApiError('VALIDATION_FAILED', '检查日期不能晚于今天', 400);

describe('saveWithRetry', () => {
  afterEach(() => vi.useRealTimers());

  it('sends again through dropped connections and returns the record', async () => {
    vi.useFakeTimers();
    const send = vi
      .fn()
      .mockRejectedValueOnce(dropped())
      .mockRejectedValueOnce(dropped())
      .mockResolvedValue('saved');
    const retries: number[] = [];
    const p = saveWithRetry(send, { signal: new AbortController().signal, onRetry: (n) => retries.push(n) });
    await vi.runAllTimersAsync();
    expect(await p).toEqual({ kind: 'saved', value: 'saved' });
    expect(send).toHaveBeenCalledTimes(3);
    expect(retries).toEqual([1, 2]);
  });

  it('stops at a refusal without retrying', async () => {
    const send = vi.fn().mockRejectedValue(refused());
    const r = await saveWithRetry(send, { signal: new AbortController().signal, onRetry: () => {} });
    expect(r.kind).toBe('refused');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last delay, and stops when aborted', async () => {
    vi.useFakeTimers();
    const send = vi.fn().mockRejectedValue(dropped());
    const p = saveWithRetry(send, { signal: new AbortController().signal, onRetry: () => {} });
    await vi.runAllTimersAsync();
    expect((await p).kind).toBe('failed');
    expect(send).toHaveBeenCalledTimes(6);

    const ctrl = new AbortController();
    const q = saveWithRetry(send, { signal: ctrl.signal, onRetry: () => ctrl.abort() });
    expect(await q).toEqual({ kind: 'stopped' });
  });
});
