import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Household, UpdateHouseholdInput } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';
import { householdKeys, personKeys } from './keys';

export const updateHousehold = ({ id, ...input }: UpdateHouseholdInput & { id: string }) =>
  api.patch<Household>(`/api/v1/people/households/${encodeURIComponent(id)}`, input);

export const useUpdateHousehold = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateHousehold,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: householdKeys.all });
      // Members show their household's address.
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
    },
  });
};
