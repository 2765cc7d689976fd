import type {
  CreateInspectionGroupInput,
  InspectionGroup,
  UpdateInspectionGroupInput,
} from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const createGroup = (input: CreateInspectionGroupInput) =>
  api.post<InspectionGroup>(`${BASE}/groups`, input);
export const useCreateGroup = () => useCourtyardMutation(createGroup);

export const updateGroup = ({ id, ...input }: UpdateInspectionGroupInput & { id: string }) =>
  api.patch<InspectionGroup>(`${BASE}/groups/${enc(id)}`, input);
export const useUpdateGroup = () => useCourtyardMutation(updateGroup);
