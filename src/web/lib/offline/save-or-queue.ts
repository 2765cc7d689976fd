import { type RetriedSave, saveWithRetry } from '../retry';
import type { NewOutboxEntry, OutboxPhoto } from './outbox';
import { getOutbox, requestBackgroundSync } from './outbox-client';

export type SavedOrQueued<T> = RetriedSave<T> | { kind: 'queued' };

/** Two quick tries (1 s, 2 s) for a passing hiccup; then the record waits in the outbox instead. */
export const QUEUE_AFTER = [1000, 2000];

export const photoOf = (f: File): OutboxPhoto => ({ name: f.name || 'photo.jpg', type: f.type, blob: f });

/**
 * Puts a record in the outbox: also one already saved whose photos could not go up (the record is sent
 * again with its id, and the server answers with the one it has; then the photos).
 */
export const queueInOutbox = async (entry: NewOutboxEntry) => {
  await (await getOutbox()).add(entry);
  void requestBackgroundSync();
};

/**
 * Saves a create, or keeps it in the outbox when there is no network (the phone says it is offline,
 * or the server cannot be reached after two quick tries, or answers 5xx): `queued` then, and the form
 * can start the next record. A refusal (400, 403, 404, 409) comes back as before, for the form to show.
 * A record saved directly that was in the outbox (修改 of a refused one) leaves it.
 */
export const saveOrQueue = async <T>(
  send: () => Promise<T>,
  entry: NewOutboxEntry,
  { signal, onRetry }: { signal: AbortSignal; onRetry: (attempt: number) => void },
): Promise<SavedOrQueued<T>> => {
  const outbox = await getOutbox();
  const queue = async (): Promise<SavedOrQueued<T>> => {
    await queueInOutbox(entry);
    return { kind: 'queued' };
  };
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return queue();
  const result = await saveWithRetry(send, { signal, onRetry, delays: QUEUE_AFTER });
  if (result.kind === 'failed') return queue();
  if (result.kind === 'saved') await outbox.remove(entry.body.id);
  return result;
};
