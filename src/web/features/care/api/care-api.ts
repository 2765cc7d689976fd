import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccessLogQuery,
  AddSessionInput,
  CareVisit,
  Checklist,
  CloseCaseInput,
  CreateCaseInput,
  CreateKeyPersonInput,
  CreatePairingInput,
  CreateScreeningInput,
  CreateVisitInput,
  DecideCloseInput,
  EndPairingInput,
  FollowUpInput,
  KeyPerson,
  ListCasesQuery,
  ListKeyPeopleQuery,
  ListPairingsQuery,
  ListScreeningsQuery,
  ListVisitsQuery,
  MediationCase,
  Pairing,
  Party,
  ReopenCaseInput,
  RequestCloseInput,
  RiskScreening,
  UpdateCaseInput,
  UpdateKeyPersonInput,
  UpdatePairingInput,
  UpdateScreeningInput,
} from '../../../../contracts/care';
import type { ListResult } from '../../../../contracts/common/paging';
import { api } from '../../../lib/api-client';

const BASE = '/api/v1/care';
const at = (path: string, id: string) => `${BASE}/${path}/${encodeURIComponent(id)}`;

export const careKeys = {
  all: ['care'] as const,
  keyPeople: (p: object) => ['care', 'key-people', p] as const,
  keyPerson: (id: string) => ['care', 'key-person', id] as const,
  checklist: (month: string, orgUnitId?: string) => ['care', 'checklist', month, orgUnitId] as const,
  cases: (p: object) => ['care', 'cases', p] as const,
  case: (id: string) => ['care', 'case', id] as const,
  accessLog: (p: object) => ['care', 'access-log', p] as const,
};

/** Everything a care write can change: the lists, the checklist, details, history and the figures. */
const useInvalidate = () => {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [careKeys.all, ['history'], ['indicators']])
      void queryClient.invalidateQueries({ queryKey });
  };
};
const useCareMutation = <I, O>(fn: (input: I) => Promise<O>) => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
};

// Key people
export const useKeyPeople = (params: Partial<ListKeyPeopleQuery>) =>
  useQuery({
    queryKey: careKeys.keyPeople(params),
    queryFn: ({ signal }) => api.get<ListResult<KeyPerson>>(`${BASE}/key-people`, params, signal),
    placeholderData: keepPreviousData,
  });
export const useKeyPerson = (id: string) =>
  useQuery({
    queryKey: careKeys.keyPerson(id),
    queryFn: ({ signal }) => api.get<KeyPerson>(at('key-people', id), undefined, signal),
  });
export const useCreateKeyPerson = () =>
  useCareMutation((input: CreateKeyPersonInput) => api.post<KeyPerson>(`${BASE}/key-people`, input));
export const useUpdateKeyPerson = () =>
  useCareMutation(({ id, ...input }: UpdateKeyPersonInput & { id: string }) =>
    api.patch<KeyPerson>(at('key-people', id), input),
  );
export const useDeleteKeyPerson = () =>
  useCareMutation(({ id, version }: { id: string; version: number }) =>
    api.delete<KeyPerson>(at('key-people', id), { version }),
  );
export const useRestoreKeyPerson = () =>
  useCareMutation(({ id, version }: { id: string; version: number }) =>
    api.post<KeyPerson>(`${at('key-people', id)}/restore`, { version }),
  );
export const useRequestClose = () =>
  useCareMutation(({ id, ...input }: RequestCloseInput & { id: string }) =>
    api.post<KeyPerson>(`${at('key-people', id)}/close-request`, input),
  );
export const useDecideClose = () =>
  useCareMutation(({ id, ...input }: DecideCloseInput & { id: string }) =>
    api.post<KeyPerson>(`${at('key-people', id)}/close-decision`, input),
  );

// Screenings
export const useChecklist = (month: string, orgUnitId: string | undefined) =>
  useQuery({
    queryKey: careKeys.checklist(month, orgUnitId),
    queryFn: ({ signal }) => api.get<Checklist>(`${BASE}/checklist`, { month, orgUnitId }, signal),
    placeholderData: keepPreviousData,
  });
export const useScreenings = (params: Partial<ListScreeningsQuery>) =>
  useQuery({
    queryKey: ['care', 'screenings', params],
    queryFn: ({ signal }) => api.get<ListResult<RiskScreening>>(`${BASE}/screenings`, params, signal),
  });
export const useCreateScreening = () =>
  useCareMutation((input: CreateScreeningInput) => api.post<RiskScreening>(`${BASE}/screenings`, input));
export const useUpdateScreening = () =>
  useCareMutation(({ id, ...input }: UpdateScreeningInput & { id: string }) =>
    api.patch<RiskScreening>(at('screenings', id), input),
  );

// Mediation cases
export const useCases = (params: Partial<ListCasesQuery>) =>
  useQuery({
    queryKey: careKeys.cases(params),
    queryFn: ({ signal }) => api.get<ListResult<MediationCase>>(`${BASE}/cases`, params, signal),
    placeholderData: keepPreviousData,
  });
export const useCase = (id: string) =>
  useQuery({
    queryKey: careKeys.case(id),
    queryFn: ({ signal }) => api.get<MediationCase>(at('cases', id), undefined, signal),
  });
export const useCreateCase = () =>
  useCareMutation((input: CreateCaseInput) => api.post<MediationCase>(`${BASE}/cases`, input));
export const useUpdateCase = () =>
  useCareMutation(({ id, ...input }: UpdateCaseInput & { id: string }) =>
    api.patch<MediationCase>(at('cases', id), input),
  );
export const useDeleteCase = () =>
  useCareMutation(({ id, version }: { id: string; version: number }) =>
    api.delete<MediationCase>(at('cases', id), { version }),
  );
export const useRestoreCase = () =>
  useCareMutation(({ id, version }: { id: string; version: number }) =>
    api.post<MediationCase>(`${at('cases', id)}/restore`, { version }),
  );
type CaseStep =
  | ({ step: 'sessions' } & AddSessionInput)
  | ({ step: 'close' } & CloseCaseInput)
  | ({ step: 'reopen' } & ReopenCaseInput)
  | ({ step: 'follow-up' } & FollowUpInput);
export const useCaseStep = () =>
  useCareMutation(({ id, step, ...input }: CaseStep & { id: string }) =>
    api.post<MediationCase>(`${at('cases', id)}/${step}`, input),
  );
export const revealCase = (id: string, reason: string) =>
  api.post<{ parties: Party[] }>(`${at('cases', id)}/reveal`, { reason });

// Pairings (结对帮扶) and visits (走访)
export const usePairings = (params: Partial<ListPairingsQuery>) =>
  useQuery({
    queryKey: ['care', 'pairings', params],
    queryFn: ({ signal }) => api.get<ListResult<Pairing>>(`${BASE}/pairings`, params, signal),
    placeholderData: keepPreviousData,
  });
export const usePairing = (id: string | null) =>
  useQuery({
    queryKey: ['care', 'pairing', id],
    queryFn: ({ signal }) => api.get<Pairing>(at('pairings', id as string), undefined, signal),
    enabled: !!id,
  });
export const useCreatePairing = () =>
  useCareMutation((input: CreatePairingInput) => api.post<Pairing>(`${BASE}/pairings`, input));
export const useUpdatePairing = () =>
  useCareMutation(({ id, ...input }: UpdatePairingInput & { id: string }) =>
    api.patch<Pairing>(at('pairings', id), input),
  );
export const useEndPairing = () =>
  useCareMutation(({ id, ...input }: EndPairingInput & { id: string }) =>
    api.post<Pairing>(`${at('pairings', id)}/end`, input),
  );
export const useVisits = (params: Partial<ListVisitsQuery>, isEnabled = true) =>
  useQuery({
    queryKey: ['care', 'visits', params],
    queryFn: ({ signal }) => api.get<ListResult<CareVisit>>(`${BASE}/visits`, params, signal),
    enabled: isEnabled,
  });
export const useCreateVisit = () =>
  useCareMutation((input: CreateVisitInput) => api.post<CareVisit>(`${BASE}/visits`, input));
export const revealVisit = (id: string, reason: string) =>
  api.post<{ personName: string; findings: string | null; nextStep: string | null }>(
    `${at('visits', id)}/reveal`,
    { reason },
  );

// The data officer's log
export type AccessLogEntry = {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  entityLabel: string | null;
  via: string | null;
  reason: string | null;
};
export const useAccessLog = (params: Partial<AccessLogQuery>) =>
  useQuery({
    queryKey: careKeys.accessLog(params),
    queryFn: ({ signal }) => api.get<ListResult<AccessLogEntry>>(`${BASE}/access-log`, params, signal),
    placeholderData: keepPreviousData,
  });
