import type { Inspection } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const restoreInspection = ({ id, version }: { id: string; version: number }) =>
  api.post<Inspection>(`${BASE}/inspections/${enc(id)}/restore`, { version });

export const useRestoreInspection = () => useCourtyardMutation(restoreInspection);
