import type { InspectionGroup } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const deleteGroup = ({ id, version }: { id: string; version: number }) =>
  api.delete<InspectionGroup>(`${BASE}/groups/${enc(id)}`, { version });
export const useDeleteGroup = () => useCourtyardMutation(deleteGroup);

export const restoreGroup = ({ id, version }: { id: string; version: number }) =>
  api.post<InspectionGroup>(`${BASE}/groups/${enc(id)}/restore`, { version });
export const useRestoreGroup = () => useCourtyardMutation(restoreGroup);
