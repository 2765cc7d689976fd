import type { OutboxEntry, OutboxPhoto, OutboxStore } from './outbox';

/**
 * The outbox's IndexedDB store (`bbt-outbox`, one object store keyed by the record's id): photos are
 * kept as Blobs beside the request, so a reload, a closed browser or a flat battery loses nothing.
 */
const DB_NAME = 'bbt-outbox';
const STORE = 'entries';

const openDb = () =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('IndexedDB blocked'));
  });

const idbStore = (db: IDBDatabase): OutboxStore => {
  const run = <T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = act(tx.objectStore(STORE));
      // Resolved when the transaction commits, not when the request succeeds: then it is on disk.
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  return {
    isDegraded: false,
    list: () => run<OutboxEntry[]>('readonly', (s) => s.getAll() as IDBRequest<OutboxEntry[]>),
    put: async (entry) => {
      await run('readwrite', (s) => s.put(entry));
    },
    remove: async (id) => {
      await run('readwrite', (s) => s.delete(id));
    },
  };
};

const LS_KEY = 'bbt.outbox';

/**
 * Where IndexedDB cannot be opened (some in-app browsers, private modes): the requests in
 * localStorage, which survives a reload; the photos in memory, lost with the page (the list says so).
 */
const localStore = (): OutboxStore => {
  const photos = new Map<string, OutboxPhoto[]>();
  const read = (): OutboxEntry[] => {
    try {
      return JSON.parse(window.localStorage.getItem(LS_KEY) ?? '[]') as OutboxEntry[];
    } catch {
      return [];
    }
  };
  const write = (entries: OutboxEntry[]) =>
    window.localStorage.setItem(LS_KEY, JSON.stringify(entries.map((e) => ({ ...e, photos: [] }))));
  return {
    isDegraded: true,
    list: async () => read().map((e) => ({ ...e, photos: photos.get(e.id) ?? [] })),
    put: async (entry) => {
      photos.set(entry.id, entry.photos);
      write([...read().filter((e) => e.id !== entry.id), entry]);
    },
    remove: async (id) => {
      photos.delete(id);
      write(read().filter((e) => e.id !== id));
    },
  };
};

/** IndexedDB when the browser has it, else localStorage with photos in memory. */
export const openOutboxStore = async (): Promise<OutboxStore> => {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    return idbStore(await openDb());
  } catch {
    return localStore();
  }
};
