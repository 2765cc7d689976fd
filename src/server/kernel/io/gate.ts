/**
 * A counting semaphore with a bounded queue and a bounded wait. Loading a workbook with exceljs costs
 * hundreds of MB however well the file was checked; the gate keeps that to a set number of files at
 * once so five uploads at the same moment cost what one or two do, and a queue that is already full
 * (or a wait that lasts too long) is answered with "busy" instead of piling up memory.
 */
export type GateOptions = { slots: number; maxWaiting: number; maxWaitMs: number };

export class GateBusyError extends Error {}

type Waiter = { start: () => void; timer: NodeJS.Timeout };

export class Gate {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  readonly options: GateOptions;

  constructor(options: GateOptions) {
    this.options = options;
  }

  /** True when a new caller would be turned away rather than queued. */
  get isFull() {
    return this.running >= this.options.slots && this.waiting.length >= this.options.maxWaiting;
  }

  get load() {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `f` when a slot is free; throws GateBusyError when the queue is full or the wait too long. */
  async run<T>(f: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await f();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.options.slots) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.maxWaiting) return Promise.reject(new GateBusyError());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new GateBusyError());
        }, this.options.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private leave() {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` never dips and lets a newcomer jump the queue.
    if (next) next.start();
    else this.running--;
  }
}
