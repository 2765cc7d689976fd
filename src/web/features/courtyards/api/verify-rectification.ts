import type { Rectification, VerifyRectificationInput } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const verifyRectification = ({ id, ...input }: VerifyRectificationInput & { id: string }) =>
  api.post<Rectification>(`${BASE}/rectifications/${enc(id)}/verify`, input);

export const useVerifyRectification = () => useCourtyardMutation(verifyRectification);
