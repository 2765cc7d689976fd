import { describe, expect, it } from 'vitest';
import { Gate, GateBusyError } from './gate';

const deferred = () => {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('Gate', () => {
  it('runs at most `slots` at once, the rest in order, and turns away callers past the queue', async () => {
    const gate = new Gate({ slots: 1, maxWaiting: 2, maxWaitMs: 10_000 });
    const order: string[] = [];
    const first = deferred();
    const a = gate.run(async () => {
      order.push('a');
      await first.promise;
    });
    const b = gate.run(async () => {
      order.push('b');
    });
    const c = gate.run(async () => {
      order.push('c');
    });
    expect(gate.load).toEqual({ running: 1, waiting: 2 });
    expect(gate.isFull).toBe(true);
    await expect(gate.run(async () => 'd')).rejects.toBeInstanceOf(GateBusyError);
    expect(order).toEqual(['a']);
    first.resolve();
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('gives up on a wait that lasts too long, and a failing run frees its slot', async () => {
    const gate = new Gate({ slots: 1, maxWaiting: 5, maxWaitMs: 30 });
    const hold = deferred();
    const holder = gate.run(() => hold.promise);
    await expect(gate.run(async () => 'late')).rejects.toBeInstanceOf(GateBusyError);
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    hold.resolve();
    await holder;
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'free')).toBe('free');
  });
});
