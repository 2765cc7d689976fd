import type { Rubric } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const deleteRubric = ({ id, version }: { id: string; version: number }) =>
  api.delete<Rubric>(`${BASE}/rubrics/${enc(id)}`, { version });
export const useDeleteRubric = () => useCourtyardMutation(deleteRubric);

export const restoreRubric = ({ id, version }: { id: string; version: number }) =>
  api.post<Rubric>(`${BASE}/rubrics/${enc(id)}/restore`, { version });
export const useRestoreRubric = () => useCourtyardMutation(restoreRubric);
