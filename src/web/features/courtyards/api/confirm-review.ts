import type { ConfirmReviewInput, Review } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const confirmReview = ({ reviewId, ...input }: ConfirmReviewInput & { reviewId: string }) =>
  api.post<Review>(`${BASE}/reviews/${enc(reviewId)}/confirm`, input);

export const useConfirmReview = () => useCourtyardMutation(confirmReview);
