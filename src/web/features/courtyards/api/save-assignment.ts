import type {
  Assignment,
  GenerateAssignmentInput,
  SaveAssignmentInput,
} from '../../../../contracts/courtyards';
import { api, apiRequest } from '../../../lib/api-client';
import { BASE } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

/** Balanced load, no group in its own members' villages, rotated from last month (the server's rule). */
export const generateAssignment = (input: GenerateAssignmentInput) =>
  api.post<Assignment>(`${BASE}/assignments/generate`, input);
export const useGenerateAssignment = () => useCourtyardMutation(generateAssignment);

/** The town chair's adjusted assignment, saved whole. */
export const saveAssignment = (input: SaveAssignmentInput) =>
  apiRequest<Assignment>('PUT', `${BASE}/assignments`, { body: input });
export const useSaveAssignment = () => useCourtyardMutation(saveAssignment);
