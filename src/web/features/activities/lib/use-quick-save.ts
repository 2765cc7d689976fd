import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Activity, CreateActivityInput } from '../../../../contracts/activities';
import { saveWithRetry } from '../../../lib/retry';
import { useSession } from '../../../lib/session';
import { createActivity } from '../api/create-activity';
import { activityWriteKeys } from '../api/keys';
import { uploadActivityPhoto } from '../api/upload-activity-photo';

export type QuickPhase =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'retrying'; attempt: number }
  | { kind: 'failed'; error: unknown }
  | { kind: 'uploading'; activity: Activity; percent: number }
  | { kind: 'uploadFailed'; activity: Activity; error: unknown }
  | { kind: 'done'; activity: Activity; hasPhoto: boolean };

/**
 * Saves a quick record, retrying through a dropped connection (same client id, so never twice), then
 * uploads the photo with progress. A refusal (e.g. a future date) goes to `onRefused` and the draft stays.
 */
export const useQuickSave = (onRefused: (e: unknown) => void) => {
  const { csrfToken } = useSession();
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
      } catch (error) {
        setPhase({ kind: 'uploadFailed', activity, error });
      }
    },
    [csrfToken, queryClient],
  );

  const save = useCallback(
    async (input: CreateActivityInput, photo: File | null) => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      setPhase({ kind: 'saving' });
      const result = await saveWithRetry(() => createActivity(input), {
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
      const activity = result.value;
      for (const queryKey of activityWriteKeys) void queryClient.invalidateQueries({ queryKey });
      if (photo) await upload(activity, photo);
      else setPhase({ kind: 'done', activity, hasPhoto: false });
    },
    [onRefused, queryClient, upload],
  );

  /** Stops the retries; the draft (with its id) stays for the next 保存. */
  const cancel = useCallback(() => {
    abort.current?.abort();
    setPhase({ kind: 'failed', error: null });
  }, []);

  const reset = useCallback(() => setPhase({ kind: 'idle' }), []);

  return { phase, save, upload, cancel, reset };
};
