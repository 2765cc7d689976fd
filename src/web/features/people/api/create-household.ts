import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateHouseholdInput, Household } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { householdKeys } from './keys';

export const createHousehold = (input: CreateHouseholdInput) =>
  api.post<Household>('/api/v1/people/households', input);

export const useCreateHousehold = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createHousehold,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: householdKeys.all }),
  });
};
