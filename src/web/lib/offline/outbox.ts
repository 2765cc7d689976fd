import { isApiError } from '../api-client';

/** Which form a queued record came from: it decides the label, the icon and how 修改 reopens it. */
export type OutboxKind = 'activity' | 'inspection' | 'patrol';

export type OutboxPhoto = { name: string; type: string; blob: Blob };

/**
 * One record saved on the phone while the network was away: the create request exactly as the form
 * would have sent it (its body keeps the client-made id, so a replay is answered with the same record),
 * the photos as Blobs, whose it is, and where it stands.
 */
export type OutboxEntry = {
  /** The record's own client id (= `body.id`): one entry per record; saving it again replaces it. */
  id: string;
  userId: string;
  kind: OutboxKind;
  /** What the list shows: 活动 · 三八宣讲 · 2026-12-07. */
  label: string;
  createdAt: number;
  /** POST here with `body`. */
  path: string;
  body: { id: string } & Record<string, unknown>;
  /** POST each photo here (multipart `file`) once the record exists. */
  photosPath?: string;
  photos: OutboxPhoto[];
  /** The record is on the server; only photos from `photosSent` on are still to go. */
  isRecordSaved: boolean;
  photosSent: number;
  state: 'waiting' | 'sending' | 'refused';
  /** The server's zh-CN reason when it refused the record (or a photo). */
  reason?: string;
  attempts: number;
  /** The form's own state, so 修改 reopens it as she left it. */
  draft?: unknown;
};

export type NewOutboxEntry = Pick<
  OutboxEntry,
  'userId' | 'kind' | 'label' | 'path' | 'body' | 'photosPath' | 'photos' | 'draft'
>;

/** Where entries live: IndexedDB on a phone, memory in tests and where there is no IndexedDB. */
export type OutboxStore = {
  list: () => Promise<OutboxEntry[]>;
  put: (entry: OutboxEntry) => Promise<void>;
  remove: (id: string) => Promise<void>;
  /** True when photos live in memory only (no IndexedDB): they are lost with the page. */
  isDegraded: boolean;
};

/** How entries reach the server: the app's API client and multipart upload. Both throw ApiError. */
export type OutboxTransport = {
  send: (path: string, body: unknown) => Promise<unknown>;
  upload: (path: string, file: File) => Promise<unknown>;
};

export type FlushResult = { sent: number; refused: number; isStopped: boolean };

/** A dropped connection, a server hiccup or an expired session: try again later, keep the entry as it is. */
export const isWorthRetrying = (e: unknown) =>
  !isApiError(e) || e.status === 0 || e.status === 401 || e.status >= 500 || e.code === 'UNAVAILABLE';

const reasonOf = (e: unknown) => (isApiError(e) ? e.message : String(e));

/** Keeps entries in memory: the tests' store, and the fallback where IndexedDB cannot be opened. */
export const memoryStore = (isDegraded = false): OutboxStore => {
  const entries = new Map<string, OutboxEntry>();
  return {
    isDegraded,
    list: async () => [...entries.values()].map((e) => ({ ...e })),
    put: async (entry) => {
      entries.set(entry.id, { ...entry });
    },
    remove: async (id) => {
      entries.delete(id);
    },
  };
};

export type Outbox = ReturnType<typeof createOutbox>;

/**
 * The queue: add, list, send, discard. Sending goes oldest first, one at a time: the record, then its
 * photos (they are posted to the record, so it must exist first), each step remembered so that a photo
 * is not sent twice and a record whose answer was lost is simply sent again (same id: the server
 * answers with the record it has). A dropped connection stops the round, leaving the rest waiting; a
 * refusal (400, 403, 404, 409, 413) marks that entry with the server's reason and the round goes on.
 */
export const createOutbox = ({
  store,
  transport,
  now = () => Date.now(),
}: {
  store: OutboxStore;
  transport: OutboxTransport;
  now?: () => number;
}) => {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };
  let round: Promise<FlushResult> | null = null;

  const list = async (userId: string) =>
    (await store.list())
      .filter((e) => e.userId === userId)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

  const add = async (input: NewOutboxEntry): Promise<OutboxEntry> => {
    const entry: OutboxEntry = {
      ...input,
      id: input.body.id,
      createdAt: now(),
      isRecordSaved: false,
      photosSent: 0,
      state: 'waiting',
      attempts: 0,
    };
    await store.put(entry);
    notify();
    return entry;
  };

  const remove = async (id: string) => {
    await store.remove(id);
    notify();
  };

  const update = async (entry: OutboxEntry) => {
    await store.put(entry);
    notify();
  };

  const sendOne = async (entry: OutboxEntry): Promise<'sent' | 'refused' | 'stopped'> => {
    await update({ ...entry, state: 'sending', attempts: entry.attempts + 1 });
    const e = { ...entry, attempts: entry.attempts + 1 };
    try {
      if (!e.isRecordSaved) {
        await transport.send(e.path, e.body);
        e.isRecordSaved = true;
        await store.put({ ...e, state: 'sending' });
      }
      while (e.photosPath && e.photosSent < e.photos.length) {
        const p = e.photos[e.photosSent];
        await transport.upload(e.photosPath, new File([p.blob], p.name, { type: p.type }));
        e.photosSent += 1;
        await store.put({ ...e, state: 'sending' });
      }
      await remove(e.id);
      return 'sent';
    } catch (error) {
      if (isWorthRetrying(error)) {
        await update({ ...e, state: 'waiting' });
        return 'stopped';
      }
      await update({ ...e, state: 'refused', reason: reasonOf(error) });
      return 'refused';
    }
  };

  /** Sends what waits for `userId`, oldest first; a second call while a round runs joins it. */
  const flush = (userId: string): Promise<FlushResult> => {
    round ??= (async () => {
      const result: FlushResult = { sent: 0, refused: 0, isStopped: false };
      try {
        for (const entry of await list(userId)) {
          if (entry.state === 'refused') continue;
          const outcome = await sendOne(entry);
          if (outcome === 'sent') result.sent += 1;
          if (outcome === 'refused') result.refused += 1;
          if (outcome === 'stopped') {
            result.isStopped = true;
            break;
          }
        }
        return result;
      } finally {
        round = null;
      }
    })();
    return round;
  };

  /** 立即上传 on a refused entry (after the cause was fixed elsewhere): back to waiting, then a round. */
  const retry = async (userId: string, id: string) => {
    const entry = (await list(userId)).find((e) => e.id === id);
    if (entry) await update({ ...entry, state: 'waiting', reason: undefined });
    return flush(userId);
  };

  /** An entry left `sending` by a closed tab is waiting again when the app starts. */
  const recover = async () => {
    for (const e of await store.list())
      if (e.state === 'sending') await store.put({ ...e, state: 'waiting' });
    notify();
  };

  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };

  return { add, list, remove, flush, retry, recover, subscribe, isDegraded: store.isDegraded };
};
