import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { CreatePatrolInput, Patrol } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { saveOrQueue } from '../../../lib/offline/save-or-queue';
import { useSession } from '../../../lib/session';
import { patrolWriteKeys } from './keys';

export const PATROLS_URL = '/api/v1/activities/patrols';

/** With a client-made `id`, a retry after a lost answer gets the saved record back (200). */
export const createPatrol = (input: CreatePatrolInput) => api.post<Patrol>(PATROLS_URL, input);

/** What a patrol create answers when it went to the offline outbox rather than to the server. */
export type QueuedPatrol = { isQueued: true };
export const isQueuedPatrol = (d: Patrol | QueuedPatrol): d is QueuedPatrol => 'isQueued' in d;

/**
 * 巡查登记's create as the ledger drawer calls it (`mutate(input, { onSuccess, onError })`): saved, or,
 * with no network, kept in the offline outbox (onSuccess with `{ isQueued: true }`, the drawer closes
 * and says so). A refusal reaches onError as before.
 */
export const useCreatePatrolOrQueue = () => {
  const queryClient = useQueryClient();
  const { user } = useSession();
  const [isPending, setPending] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const mutate = (
    input: CreatePatrolInput & { id: string },
    handlers: { onSuccess: (d: Patrol | QueuedPatrol) => void; onError: (e: unknown) => void },
  ) => {
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setPending(true);
    void saveOrQueue(
      () => createPatrol(input),
      {
        userId: user.id,
        kind: 'patrol',
        label: `${input.area} · ${input.occurredOn}`,
        path: PATROLS_URL,
        body: input,
        photos: [],
        draft: input,
      },
      { signal: ctrl.signal, onRetry: () => undefined },
    )
      .then((r) => {
        if (r.kind === 'saved') {
          for (const queryKey of patrolWriteKeys) void queryClient.invalidateQueries({ queryKey });
          handlers.onSuccess(r.value);
        } else if (r.kind === 'queued') handlers.onSuccess({ isQueued: true });
        else if (r.kind === 'refused' || r.kind === 'failed') handlers.onError(r.error);
      })
      .catch(handlers.onError)
      .finally(() => setPending(false));
  };
  return { mutate, isPending };
};
