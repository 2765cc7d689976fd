import { useQuery } from '@tanstack/react-query';
import type { RectificationBoard } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { BASE, courtyardKeys } from './keys';

export const getRectificationBoard = (orgUnitId: string | undefined, signal?: AbortSignal) =>
  api.get<RectificationBoard>(`${BASE}/rectifications/board`, { orgUnitId }, signal);

export const useRectificationBoard = (orgUnitId: string | undefined) =>
  useQuery({
    queryKey: courtyardKeys.board(orgUnitId),
    queryFn: ({ signal }) => getRectificationBoard(orgUnitId, signal),
  });
