import type { CreateInspectionInput, Inspection } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE } from './keys';

/** With the phone's own `id`, a retry after a lost answer gets the saved inspection back, not a second one. */
export const INSPECTIONS_URL = `${BASE}/inspections`;

export const createInspection = (input: CreateInspectionInput) =>
  api.post<Inspection>(INSPECTIONS_URL, input);
