import { useMutation, useQueryClient } from '@tanstack/react-query';
import { courtyardWriteKeys } from './keys';

/** A courtyard write: on success every courtyard list, file, history and indicator is refetched. */
export const useCourtyardMutation = <I, O>(mutationFn: (input: I) => Promise<O>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      for (const queryKey of courtyardWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};
