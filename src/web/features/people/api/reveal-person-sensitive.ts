import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { personKeys } from './keys';

export type SensitiveValues = { idNumber: string | null; phone: string | null };

/** POST, not GET: the full values are never cached by the browser, and every view is audited. */
export const revealPersonSensitive = (id: string) =>
  api.post<SensitiveValues>(`/api/v1/people/persons/${encodeURIComponent(id)}/sensitive`);

export const useRevealPersonSensitive = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revealPersonSensitive,
    onSuccess: (_data, id) => void queryClient.invalidateQueries({ queryKey: personKeys.history(id) }),
  });
};
