import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person, UpdatePersonInput } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { householdKeys, personKeys } from './keys';

export const updatePerson = ({ id, ...input }: UpdatePersonInput & { id: string }) =>
  api.patch<Person>(`/api/v1/people/persons/${encodeURIComponent(id)}`, input);

export const useUpdatePerson = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      void queryClient.invalidateQueries({ queryKey: householdKeys.all });
    },
  });
};
