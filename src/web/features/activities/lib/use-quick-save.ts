import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Activity, CreateActivityInput } from '../../../../contracts/activities';
import type { NewOutboxEntry } from '../../../lib/offline/outbox';
import { photoOf, queueInOutbox, saveOrQueue } from '../../../lib/offline/save-or-queue';
import { isRetryable } from '../../../lib/retry';
import { useSession } from '../../../lib/session';
import { ACTIVITIES_URL, createActivity } from '../api/create-activity';
import { activityWriteKeys } from '../api/keys';
import { activityPhotosUrl, uploadActivityPhoto } from '../api/upload-activity-photo';

export type QuickPhase =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'retrying'; attempt: number }
  | { kind: 'failed'; error: unknown }
  | { kind: 'uploading'; activity: Activity; percent: number }
  | { kind: 'uploadFailed'; activity: Activity; error: unknown }
  | { kind: 'done'; activity: Activity; hasPhoto: boolean };

/**
 * Saves a quick record, then uploads the photo with progress. With no network (or none after two quick
 * tries) the record and its photo go to the offline outbox instead and `save` answers `queued`: the page
 * starts the next record. A refusal (e.g. a future date) goes to `onRefused` and the draft stays.
 */
export const useQuickSave = (onRefused: (e: unknown) => void) => {
  const { csrfToken, user } = useSession();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<QuickPhase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const upload = useCallback(
    async (activity: Activity, photo: File) => {
      setPhase({ kind: 'uploading', activity, percent: 0 });
      try {
        await uploadActivityPhoto({
          activityId: activity.id,
          file: photo,
          csrfToken,
          onProgress: (percent) => setPhase({ kind: 'uploading', activity, percent }),
        });
        void queryClient.invalidateQueries({ queryKey: activityWriteKeys[0] });
        setPhase({ kind: 'done', activity, hasPhoto: true });
        return null;
      } catch (error) {
        setPhase({ kind: 'uploadFailed', activity, error });
        return error;
      }
    },
    [csrfToken, queryClient],
  );

  const save = useCallback(
    async (
      input: CreateActivityInput & { id: string },
      photo: File | null,
      /** What the outbox list shows, and the form as she left it (修改 reopens it). */
      queued: { label: string; draft: unknown },
    ): Promise<'saved' | 'queued' | 'other'> => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      setPhase({ kind: 'saving' });
      const entry: NewOutboxEntry = {
        userId: user.id,
        kind: 'activity',
        label: queued.label,
        path: ACTIVITIES_URL,
        body: input,
        photosPath: activityPhotosUrl(input.id),
        photos: photo ? [photoOf(photo)] : [],
        draft: queued.draft,
      };
      const result = await saveOrQueue(() => createActivity(input), entry, {
        signal: ctrl.signal,
        onRetry: (attempt) => setPhase({ kind: 'retrying', attempt }),
      });
      if (result.kind === 'stopped') return 'other';
      if (result.kind === 'queued') {
        setPhase({ kind: 'idle' });
        return 'queued';
      }
      if (result.kind === 'refused') {
        setPhase({ kind: 'idle' });
        onRefused(result.error);
        return 'other';
      }
      if (result.kind === 'failed') {
        setPhase({ kind: 'failed', error: result.error });
        return 'other';
      }
      const activity = result.value;
      for (const queryKey of activityWriteKeys) void queryClient.invalidateQueries({ queryKey });
      if (!photo) {
        setPhase({ kind: 'done', activity, hasPhoto: false });
        return 'saved';
      }
      const error = await upload(activity, photo);
      // The signal went during the photo: it waits in the outbox with its record (sent again, same id).
      if (error && isRetryable(error)) {
        await queueInOutbox({ ...entry, label: queued.label, draft: queued.draft });
        setPhase({ kind: 'done', activity, hasPhoto: false });
        return 'queued';
      }
      return 'saved';
    },
    [onRefused, queryClient, upload, user.id],
  );

  /** Stops the retries; the draft (with its id) stays for the next 保存. */
  const cancel = useCallback(() => {
    abort.current?.abort();
    setPhase({ kind: 'failed', error: null });
  }, []);

  const reset = useCallback(() => setPhase({ kind: 'idle' }), []);

  return { phase, save, upload, cancel, reset };
};
