import { useEffect, useRef } from 'react';
import { apiRequest } from '../api-client';
import { uploadFile } from '../upload-file';
import { createOutbox, type FlushResult, type Outbox, type OutboxEntry, type OutboxKind } from './outbox';
import { openOutboxStore } from './stores';

/**
 * The app's one outbox: IndexedDB (or the fallback), the API client for records and multipart upload
 * for photos. Opened on first use; the signed-in shell (OutboxBadge) tells it who is signed in.
 */
let csrf = '';
let userId: string | null = null;
let opened: Promise<Outbox> | null = null;

export const getOutbox = (): Promise<Outbox> => {
  opened ??= openOutboxStore().then((store) => {
    const outbox = createOutbox({
      store,
      transport: {
        send: (path, body) => apiRequest('POST', path, { body }),
        upload: (url, file) => uploadFile({ url, file, csrfToken: csrf }),
      },
    });
    outbox.subscribe(() => void refresh());
    void outbox.recover();
    return outbox;
  });
  return opened;
};

/** What the badge and the list show: the signed-in user's entries, oldest first. */
let snapshot: OutboxEntry[] = [];
const listeners = new Set<() => void>();

const refresh = async () => {
  const outbox = await getOutbox();
  snapshot = userId ? await outbox.list(userId) : [];
  for (const l of listeners) l();
};

export const subscribeOutbox = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
export const outboxSnapshot = () => snapshot;

/** Set by the shell on sign-in; entries of anyone else are neither shown nor sent. */
export const setOutboxUser = (id: string | null, csrfToken: string) => {
  userId = id;
  csrf = csrfToken;
  void refresh();
};

/** Sends what waits for the signed-in user (nothing while offline: the `online` event comes back here). */
export const flushOutbox = async (): Promise<FlushResult | null> => {
  if (!userId || (typeof navigator !== 'undefined' && navigator.onLine === false)) return null;
  const outbox = await getOutbox();
  const id = userId;
  // One round at a time across tabs too: a photo must not go up twice from two windows.
  if (typeof navigator !== 'undefined' && navigator.locks)
    return navigator.locks.request('bbt-outbox', () => outbox.flush(id));
  return outbox.flush(id);
};

/** 立即上传 on one entry (a refused one is tried again as it is). */
export const retryOutboxEntry = async (id: string) => {
  if (!userId) return null;
  return (await getOutbox()).retry(userId, id);
};

export const discardOutboxEntry = async (id: string) => (await getOutbox()).remove(id);

/**
 * 修改: the list hands the entry to its form (quick-page, score-page, patrols-page), which shows it
 * pre-filled, whether it is open already or opens next; saving it again (same id) replaces the entry.
 */
let editing: OutboxEntry | null = null;
const editListeners = new Set<(e: OutboxEntry) => void>();
export const editOutboxEntry = (entry: OutboxEntry) => {
  editing = entry;
  for (const l of editListeners) l(entry);
};

/** A form's side of 修改: `apply` gets the entry of its kind that waits, now or later. */
export const useOutboxEdit = (kind: OutboxKind, apply: (entry: OutboxEntry) => void) => {
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => {
    const take = (e: OutboxEntry) => {
      if (e.kind !== kind || editing !== e) return;
      editing = null;
      applyRef.current(e);
    };
    if (editing) take(editing);
    editListeners.add(take);
    return () => {
      editListeners.delete(take);
    };
  }, [kind]);
};

/** Asks the service worker for a Background Sync round (Chrome on Android); elsewhere `online` does it. */
export const requestBackgroundSync = async () => {
  try {
    const reg = await navigator.serviceWorker?.getRegistration();
    const sync = (
      reg as (ServiceWorkerRegistration & { sync?: { register: (t: string) => Promise<void> } }) | undefined
    )?.sync;
    await sync?.register('bbt-outbox');
  } catch {
    // No Background Sync here: the page's `online` listener and its periodic round send the queue.
  }
};
