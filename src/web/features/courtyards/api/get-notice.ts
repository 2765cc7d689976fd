import { useQuery } from '@tanstack/react-query';
import type { PublicNotice } from '../../../../contracts/courtyards';
import { api, toQueryString } from '../../../lib/api-client';
import { BASE, courtyardKeys } from './keys';

export const getNotice = (orgUnitId: string, month: string, signal?: AbortSignal) =>
  api.get<PublicNotice>(`${BASE}/notices`, { orgUnitId, month }, signal);

export const useNotice = (orgUnitId: string | undefined, month: string) =>
  useQuery({
    queryKey: courtyardKeys.notice(orgUnitId ?? '', month),
    queryFn: ({ signal }) => getNotice(orgUnitId as string, month, signal),
    enabled: Boolean(orgUnitId),
  });

/** The same 公示 as a Word file (names masked by the server). */
export const noticeDocxUrl = (orgUnitId: string, month: string) =>
  `${BASE}/notices/docx${toQueryString({ orgUnitId, month })}`;
