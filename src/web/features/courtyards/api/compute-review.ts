import type { ComputeReviewInput, Review } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

/** Works out the month's rating and plaque changes for the 评比会; nothing is applied until confirmed. */
export const computeReview = (input: ComputeReviewInput) =>
  api.post<Review>(`${BASE}/reviews/compute`, input);

export const useComputeReview = () => useCourtyardMutation(computeReview);
