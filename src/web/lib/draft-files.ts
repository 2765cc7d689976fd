/**
 * Photos of a form in progress, kept in the browser's IndexedDB (localStorage holds text only), so a
 * reload, a closed tab or a dead battery does not lose the pictures taken in a courtyard. One slot
 * per form key; failures (private mode, quota) are silent: the photos then live in memory only.
 */
const DB_NAME = 'bbt-drafts';
const STORE = 'files';

type Stored = { name: string; type: string; blob: Blob }[];

const openDb = () =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const run = async <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) => {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = act(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
};

export const storeDraftFiles = async (key: string, files: File[]) => {
  try {
    const value: Stored = files.map((f) => ({ name: f.name, type: f.type, blob: f }));
    await run('readwrite', (s) => s.put(value, key));
  } catch {
    // No IndexedDB here: the photos stay in memory only.
  }
};

export const loadDraftFiles = async (key: string): Promise<File[]> => {
  try {
    const value = (await run<Stored | undefined>('readonly', (s) => s.get(key))) ?? [];
    return value.map((v) => new File([v.blob], v.name, { type: v.type }));
  } catch {
    return [];
  }
};

export const clearDraftFiles = async (key: string) => {
  try {
    await run('readwrite', (s) => s.delete(key));
  } catch {
    // Nothing stored.
  }
};
