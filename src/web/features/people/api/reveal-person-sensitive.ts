import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RevealSensitiveInput } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { personKeys } from './keys';

export type SensitiveValues = { idNumber: string | null; phone: string | null };

/**
 * POST, not GET: the full values are never cached by the browser, and every view is audited with
 * the reason given.
 */
export const revealPersonSensitive = ({ id, reason }: { id: string } & RevealSensitiveInput) =>
  api.post<SensitiveValues>(`/api/v1/people/persons/${encodeURIComponent(id)}/sensitive`, { reason });

export const useRevealPersonSensitive = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revealPersonSensitive,
    onSuccess: (_data, { id }) => void queryClient.invalidateQueries({ queryKey: personKeys.history(id) }),
  });
};
