import type { CreateRubricInput, Rubric, UpdateRubricInput } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const createRubric = (input: CreateRubricInput) => api.post<Rubric>(`${BASE}/rubrics`, input);
export const useCreateRubric = () => useCourtyardMutation(createRubric);

/** A rubric already used by inspections is not changed in place: the server answers with a new version. */
export const updateRubric = ({ id, ...input }: UpdateRubricInput & { id: string }) =>
  api.patch<Rubric>(`${BASE}/rubrics/${enc(id)}`, input);
export const useUpdateRubric = () => useCourtyardMutation(updateRubric);
