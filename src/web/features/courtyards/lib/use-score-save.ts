import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CreateInspectionInput, Inspection } from '../../../../contracts/courtyards';
import type { NewOutboxEntry } from '../../../lib/offline/outbox';
import { photoOf, queueInOutbox, saveOrQueue } from '../../../lib/offline/save-or-queue';
import { isRetryable } from '../../../lib/retry';
import { useSession } from '../../../lib/session';
import { createInspection, INSPECTIONS_URL } from '../api/create-inspection';
import { inspectionPhotosUrl, uploadInspectionPhoto } from '../api/inspection-photos';
import { courtyardWriteKeys } from '../api/keys';

export type SavePhase =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'retrying'; attempt: number }
  | { kind: 'failed'; error: unknown }
  | { kind: 'uploading'; inspection: Inspection; index: number; count: number; percent: number }
  | { kind: 'uploadFailed'; inspection: Inspection; error: unknown; remaining: File[] }
  | { kind: 'done'; inspection: Inspection; photos: number };

/**
 * Saves an inspection, then uploads its photos one by one with progress. With no network (or none after
 * two quick tries) it goes, photos included, to the offline outbox and `save` answers `queued`: the page
 * starts the next household. A refusal (400, 403, 409) goes to `onRefused`; the draft stays.
 */
export const useScoreSave = (onRefused: (e: unknown) => void) => {
  const { csrfToken, user } = useSession();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<SavePhase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const refresh = useCallback(() => {
    for (const queryKey of courtyardWriteKeys) void queryClient.invalidateQueries({ queryKey });
  }, [queryClient]);

  const upload = useCallback(
    async (inspection: Inspection, photos: File[]) => {
      for (const [index, file] of photos.entries()) {
        setPhase({ kind: 'uploading', inspection, index, count: photos.length, percent: 0 });
        try {
          await uploadInspectionPhoto({
            inspectionId: inspection.id,
            file,
            csrfToken,
            onProgress: (percent) =>
              setPhase({ kind: 'uploading', inspection, index, count: photos.length, percent }),
          });
        } catch (error) {
          refresh();
          const remaining = photos.slice(index);
          setPhase({ kind: 'uploadFailed', inspection, error, remaining });
          return { error, remaining };
        }
      }
      refresh();
      setPhase({ kind: 'done', inspection, photos: photos.length });
      return null;
    },
    [csrfToken, refresh],
  );

  const save = useCallback(
    async (
      input: CreateInspectionInput & { id: string },
      photos: File[],
      /** What the outbox list shows, and the draft as she left it (修改 reopens it). */
      queued: { label: string; draft: unknown },
    ): Promise<'saved' | 'queued' | 'other'> => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      setPhase({ kind: 'saving' });
      const entry: NewOutboxEntry = {
        userId: user.id,
        kind: 'inspection',
        label: queued.label,
        path: INSPECTIONS_URL,
        body: input,
        photosPath: inspectionPhotosUrl(input.id),
        photos: photos.map(photoOf),
        draft: queued.draft,
      };
      const result = await saveOrQueue(() => createInspection(input), entry, {
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
      const inspection = result.value;
      refresh();
      if (photos.length === 0) {
        setPhase({ kind: 'done', inspection, photos: 0 });
        return 'saved';
      }
      const failed = await upload(inspection, photos);
      // The signal went during the photos: the rest wait in the outbox with the inspection (sent again, same id).
      if (failed && isRetryable(failed.error)) {
        await queueInOutbox({ ...entry, photos: failed.remaining.map(photoOf) });
        setPhase({ kind: 'done', inspection, photos: photos.length - failed.remaining.length });
        return 'queued';
      }
      return 'saved';
    },
    [onRefused, refresh, upload, user.id],
  );

  /** Stops the retries; the draft (with its id) stays for the next 提交. */
  const cancel = useCallback(() => {
    abort.current?.abort();
    setPhase({ kind: 'failed', error: null });
  }, []);
  const reset = useCallback(() => setPhase({ kind: 'idle' }), []);

  return { phase, save, upload, cancel, reset };
};
