/**
 * Failed sign-ins per client address in a sliding window (R3's per-IP limit): only failures count,
 * so a township's office or a training room behind one address can sign in thirty people at once,
 * while guessing across accounts from one address stops after `max` failures. In memory, per
 * process, like the request rate limit beside it; the per-account lockout is in the database.
 */
export const createFailureWindow = ({ max, windowMs }: { max: number; windowMs: number }) => {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  return {
    isBlocked: (key: string, now = Date.now()) => recent(key, now).length >= max,
    add: (key: string, now = Date.now()) => {
      failures.set(key, [...recent(key, now), now]);
      // Bounded memory under a spray of addresses: forget the oldest keys past 10,000.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
  };
};
