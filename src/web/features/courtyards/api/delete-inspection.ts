import type { Inspection } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const deleteInspection = ({ id, version }: { id: string; version: number }) =>
  api.delete<Inspection>(`${BASE}/inspections/${enc(id)}`, { version });

export const useDeleteInspection = () => useCourtyardMutation(deleteInspection);
