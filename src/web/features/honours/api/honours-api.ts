import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type {
  CreateDutyRecordInput,
  CreateDutyRuleInput,
  CreateNominationInput,
  DecideNominationInput,
  DutyCompliance,
  DutyRecord,
  DutyRule,
  HonourTitle,
  ListDutyRecordsQuery,
  ListNominationsQuery,
  MemberDuties,
  Nomination,
  PublicizeNominationInput,
} from '../../../../contracts/honours';
import { api } from '../../../lib/api-client';

const base = '/api/v1/honours';

export const honoursKeys = {
  all: ['honours'] as const,
  titles: ['honours', 'titles'] as const,
  nominations: (params: Partial<ListNominationsQuery>) => ['honours', 'nominations', params] as const,
  rules: (orgUnitId: string | undefined) => ['honours', 'rules', orgUnitId] as const,
  records: (params: Partial<ListDutyRecordsQuery>) => ['honours', 'records', params] as const,
  compliance: (orgUnitId: string | undefined, year: number) =>
    ['honours', 'compliance', orgUnitId, year] as const,
  due: (memberId: string, year: number) => ['honours', 'due', memberId, year] as const,
};

/** Every honours write can move the lists, the compliance and the figures. */
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: honoursKeys.all });
    void qc.invalidateQueries({ queryKey: ['indicators'] });
    void qc.invalidateQueries({ queryKey: ['history'] });
  };
};

export const useHonourTitles = () =>
  useQuery({
    queryKey: honoursKeys.titles,
    queryFn: ({ signal }) =>
      api.get<{ titles: HonourTitle[]; isDefault: boolean }>(`${base}/titles`, undefined, signal),
    staleTime: 5 * 60_000,
  });

export const useNominations = (params: Partial<ListNominationsQuery>) =>
  useQuery({
    queryKey: honoursKeys.nominations(params),
    queryFn: ({ signal }) => api.get<ListResult<Nomination>>(`${base}/nominations`, params, signal),
    placeholderData: keepPreviousData,
  });

export const useCreateNomination = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (input: CreateNominationInput) => api.post<Nomination>(`${base}/nominations`, input),
    onSuccess: done,
  });
};

export const usePublicizeNomination = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: PublicizeNominationInput & { id: string }) =>
      api.post<Nomination>(`${base}/nominations/${encodeURIComponent(id)}/publicize`, body),
    onSuccess: done,
  });
};

export const useDecideNomination = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: DecideNominationInput & { id: string }) =>
      api.post<Nomination>(`${base}/nominations/${encodeURIComponent(id)}/decide`, body),
    onSuccess: done,
  });
};

export const useDeleteNomination = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.delete<Nomination>(`${base}/nominations/${encodeURIComponent(id)}`, { version }),
    onSuccess: done,
  });
};

export const useDutyRules = (orgUnitId: string | undefined) =>
  useQuery({
    queryKey: honoursKeys.rules(orgUnitId),
    queryFn: ({ signal }) =>
      api.get<ListResult<DutyRule>>(`${base}/duty-rules`, { orgUnitId, pageSize: 100 }, signal),
  });

export const useCreateDutyRule = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (input: CreateDutyRuleInput) => api.post<DutyRule>(`${base}/duty-rules`, input),
    onSuccess: done,
  });
};

export const useDeleteDutyRule = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.delete<DutyRule>(`${base}/duty-rules/${encodeURIComponent(id)}`, { version }),
    onSuccess: done,
  });
};

export const useDutyRecords = (params: Partial<ListDutyRecordsQuery>) =>
  useQuery({
    queryKey: honoursKeys.records(params),
    queryFn: ({ signal }) => api.get<ListResult<DutyRecord>>(`${base}/duty-records`, params, signal),
    placeholderData: keepPreviousData,
  });

export const useCreateDutyRecord = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (input: CreateDutyRecordInput) => api.post<DutyRecord>(`${base}/duty-records`, input),
    onSuccess: done,
  });
};

export const useDutyCompliance = (orgUnitId: string | undefined, year: number) =>
  useQuery({
    queryKey: honoursKeys.compliance(orgUnitId, year),
    queryFn: ({ signal }) => api.get<DutyCompliance>(`${base}/duty-compliance`, { orgUnitId, year }, signal),
    placeholderData: keepPreviousData,
  });

export const useMemberDuties = (memberId: string | undefined, year: number) =>
  useQuery({
    queryKey: honoursKeys.due(memberId ?? '', year),
    queryFn: ({ signal }) =>
      api.get<MemberDuties>(`${base}/members/${encodeURIComponent(memberId ?? '')}/duties`, { year }, signal),
    enabled: Boolean(memberId),
  });

/** Executive members in office today within the unit's subtree, for the contact form's picker. */
export const useExecutiveMembers = (orgUnitId: string | undefined, on: string) =>
  useQuery({
    queryKey: ['honours', 'members', orgUnitId, on],
    queryFn: async ({ signal }) => {
      const res = await api.get<ListResult<{ personId: string; personName: string; orgUnitName: string }>>(
        '/api/v1/people/role-terms',
        { orgUnitId, role: 'executiveMember', activeOn: on, pageSize: 200, status: 'active' },
        signal,
      );
      const seen = new Map<string, { value: string; label: string }>();
      for (const r of res.items)
        seen.set(r.personId, { value: r.personId, label: `${r.personName}（${r.orgUnitName}）` });
      return [...seen.values()];
    },
    enabled: Boolean(orgUnitId),
  });
