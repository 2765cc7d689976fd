import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { householdKeys, personKeys } from './keys';

export const deletePerson = ({ id, version }: { id: string; version: number }) =>
  api.delete<Person>(`/api/v1/people/persons/${encodeURIComponent(id)}`, { version });

export const useDeletePerson = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePerson,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      void queryClient.invalidateQueries({ queryKey: householdKeys.all });
    },
  });
};
