/**
 * Audit rows for events that come in floods (failed sign-ins, access denials): the first event of
 * a key is written at once; further ones within the window are counted and written as one row
 * carrying `attempts` when the window ends. So every event is accounted for — the rows' attempts
 * add up to the events — while a script hammering the server writes at most one row per key a
 * minute. In memory per process, like the failure windows beside it.
 */
export type ThrottledAudit = {
  /** `write(attempts)` writes one row standing for `attempts` events of this key. */
  record: (key: string, write: (attempts: number) => Promise<void>) => Promise<void>;
  /** Writes every counted event now (server shutdown; tests). */
  flush: () => Promise<void>;
};

type KeyState = {
  writtenAt: number;
  pending: number;
  write?: (attempts: number) => Promise<void>;
  timer?: NodeJS.Timeout;
};

const MAX_KEYS = 10_000;

export const createThrottledAudit = ({
  windowMs,
  onError,
}: {
  windowMs: number;
  onError: (e: unknown) => void;
}): ThrottledAudit => {
  const keys = new Map<string, KeyState>();

  const flushKey = async (key: string) => {
    const s = keys.get(key);
    if (!s) return;
    clearTimeout(s.timer);
    s.timer = undefined;
    if (s.pending === 0 || !s.write) return;
    const attempts = s.pending;
    s.pending = 0;
    s.writtenAt = Date.now();
    await s.write(attempts).catch(onError);
  };

  // Bounded memory under a spray of keys: forget settled keys whose window has passed.
  const sweep = (now: number) => {
    if (keys.size <= MAX_KEYS) return;
    for (const [key, s] of keys) {
      if (s.pending === 0 && now - s.writtenAt >= windowMs) keys.delete(key);
    }
  };

  return {
    record: async (key, write) => {
      const now = Date.now();
      const s = keys.get(key);
      if (!s || (s.pending === 0 && now - s.writtenAt >= windowMs)) {
        keys.set(key, { writtenAt: now, pending: 0 });
        sweep(now);
        await write(1);
        return;
      }
      s.pending += 1;
      s.write = write;
      if (!s.timer) {
        s.timer = setTimeout(() => void flushKey(key), Math.max(0, s.writtenAt + windowMs - now));
        s.timer.unref();
      }
    },
    flush: async () => {
      for (const key of [...keys.keys()]) await flushKey(key);
    },
  };
};
