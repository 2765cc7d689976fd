import { useQuery } from '@tanstack/react-query';
import type { Review } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys } from './keys';

export const getReview = (townId: string, month: string, signal?: AbortSignal) =>
  api.get<{ review: Review | null }>(`${BASE}/reviews`, { townId, month }, signal);

export const useReview = (townId: string | undefined, month: string) =>
  useQuery({
    queryKey: courtyardKeys.review(townId ?? '', month),
    queryFn: ({ signal }) => getReview(townId as string, month, signal),
    select: (d) => d.review,
    enabled: Boolean(townId),
  });
