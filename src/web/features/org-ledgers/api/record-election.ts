import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Election, RecordElectionInput } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { electionKeys } from './keys';

export const recordElection = (input: RecordElectionInput) =>
  api.post<Election>('/api/v1/org/elections', input);

export const useRecordElection = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordElection,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: electionKeys.all });
      // An election ends and opens role terms.
      void queryClient.invalidateQueries({ queryKey: ['people', 'role-terms'] });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};
