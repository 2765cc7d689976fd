import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { householdKeys, personKeys } from './keys';

export const restorePerson = ({ id, version }: { id: string; version: number }) =>
  api.post<Person>(`/api/v1/people/persons/${encodeURIComponent(id)}/restore`, { version });

export const useRestorePerson = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restorePerson,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      void queryClient.invalidateQueries({ queryKey: householdKeys.all });
    },
  });
};
