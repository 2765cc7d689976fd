import type { Inspection, UpdateInspectionInput } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const updateInspection = ({ id, ...input }: UpdateInspectionInput & { id: string }) =>
  api.patch<Inspection>(`${BASE}/inspections/${enc(id)}`, input);

export const useUpdateInspection = () => useCourtyardMutation(updateInspection);
