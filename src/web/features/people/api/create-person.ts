import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePersonInput, Person } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { householdKeys, personKeys } from './keys';

export const createPerson = (input: CreatePersonInput) => api.post<Person>('/api/v1/people/persons', input);

export const useCreatePerson = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      void queryClient.invalidateQueries({ queryKey: householdKeys.all });
    },
  });
};
