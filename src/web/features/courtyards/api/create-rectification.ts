import type { CreateRectificationInput, Rectification } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const createRectification = (input: CreateRectificationInput) =>
  api.post<Rectification>(`${BASE}/rectifications`, input);

export const useCreateRectification = () => useCourtyardMutation(createRectification);
