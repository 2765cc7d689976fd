import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/auth';
import { apiRequest, isApiError, setCsrfToken } from '../../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** Who is signed in, or null when nobody is (401 is an answer here, not an error). */
export const getMe = async (signal?: AbortSignal): Promise<Me | null> => {
  try {
    const me = await apiRequest<Me>('GET', '/api/v1/auth/me', { signal, isAuthProbe: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
};

export const useMe = () =>
  useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
