import { useQuery } from '@tanstack/react-query';
import type { SystemInfo } from '../../../../contracts/auth';
import { api } from '../../../lib/api-client';

export const getSystemInfo = (signal?: AbortSignal) =>
  api.get<SystemInfo>('/api/v1/system/info', undefined, signal);

/** Public: whether this installation runs on demo data (shown as a badge), and its version. */
export const useSystemInfo = () =>
  useQuery({
    queryKey: ['system', 'info'],
    queryFn: ({ signal }) => getSystemInfo(signal),
    staleTime: 5 * 60_000,
  });
