import type { FixRectificationInput, Rectification } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const fixRectification = ({ id, ...input }: FixRectificationInput & { id: string }) =>
  api.post<Rectification>(`${BASE}/rectifications/${enc(id)}/fix`, input);

export const useFixRectification = () => useCourtyardMutation(fixRectification);
