import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CreateInspectionInput, Inspection } from '../../../../contracts/courtyards';
import { saveWithRetry } from '../../../lib/retry';
import { useSession } from '../../../lib/session';
import { createInspection } from '../api/create-inspection';
import { uploadInspectionPhoto } from '../api/inspection-photos';
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
 * Saves an inspection through a dropped connection (the same client id each try, so never twice), then
 * uploads its photos one by one with progress. A refusal (400, 403, 409) goes to `onRefused`; the draft stays.
 */
export const useScoreSave = (onRefused: (e: unknown) => void) => {
  const { csrfToken } = useSession();
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
          setPhase({ kind: 'uploadFailed', inspection, error, remaining: photos.slice(index) });
          return;
        }
      }
      refresh();
      setPhase({ kind: 'done', inspection, photos: photos.length });
    },
    [csrfToken, refresh],
  );

  const save = useCallback(
    async (input: CreateInspectionInput, photos: File[]) => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      setPhase({ kind: 'saving' });
      const result = await saveWithRetry(() => createInspection(input), {
        signal: ctrl.signal,
        onRetry: (attempt) => setPhase({ kind: 'retrying', attempt }),
      });
      if (result.kind === 'stopped') return;
      if (result.kind === 'refused') {
        setPhase({ kind: 'idle' });
        onRefused(result.error);
        return;
      }
      if (result.kind === 'failed') {
        setPhase({ kind: 'failed', error: result.error });
        return;
      }
      const inspection = result.value;
      refresh();
      if (photos.length > 0) await upload(inspection, photos);
      else setPhase({ kind: 'done', inspection, photos: 0 });
    },
    [onRefused, refresh, upload],
  );

  /** Stops the retries; the draft (with its id) stays for the next 提交. */
  const cancel = useCallback(() => {
    abort.current?.abort();
    setPhase({ kind: 'failed', error: null });
  }, []);
  const reset = useCallback(() => setPhase({ kind: 'idle' }), []);

  return { phase, save, upload, cancel, reset };
};
