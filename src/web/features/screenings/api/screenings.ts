import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type {
  CreateScreeningInput,
  ListScreeningsQuery,
  Screening,
  UpdateScreeningInput,
} from '../../../../contracts/screenings';
import { api } from '../../../lib/api-client';

export const SCREENINGS_URL = '/api/v1/screenings';
export type ScreeningListParams = Partial<ListScreeningsQuery>;

export const screeningKeys = {
  all: ['screenings'] as const,
  list: (params: ScreeningListParams) => ['screenings', 'list', params] as const,
  detail: (id: string) => ['screenings', 'detail', id] as const,
};

/** Everything a screening write can change: lists, details, history, indicator counts and to-dos. */
export const screeningWriteKeys = [
  screeningKeys.all,
  ['history', 'cancerScreening'],
  ['indicators'],
  ['reports'],
] as const;

const item = (id: string) => `${SCREENINGS_URL}/${encodeURIComponent(id)}`;

export const useScreenings = (params: ScreeningListParams) =>
  useQuery({
    queryKey: screeningKeys.list(params),
    queryFn: ({ signal }) => api.get<ListResult<Screening>>(SCREENINGS_URL, params, signal),
    placeholderData: keepPreviousData,
  });

export const useScreening = (id: string) =>
  useQuery({
    queryKey: screeningKeys.detail(id),
    queryFn: ({ signal }) => api.get<Screening>(item(id), undefined, signal),
  });

const useWrite = <I>(fn: (input: I) => Promise<Screening>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const queryKey of screeningWriteKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
};

/** With a client-made `id`, a retry after a lost answer gets the saved record back (200). */
export const useCreateScreening = () =>
  useWrite((input: CreateScreeningInput) => api.post<Screening>(SCREENINGS_URL, input));

export const useUpdateScreening = () =>
  useWrite(({ id, ...input }: UpdateScreeningInput & { id: string }) =>
    api.patch<Screening>(item(id), input),
  );

export const useDeleteScreening = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api.delete<Screening>(item(id), { version }),
  );

export const useRestoreScreening = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api.post<Screening>(`${item(id)}/restore`, { version }),
  );
