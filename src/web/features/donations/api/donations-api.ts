import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type {
  Beneficiary,
  CancerAid,
  CancerAidStepInput,
  CreateBeneficiaryInput,
  CreateCancerAidInput,
  CreateDisbursementInput,
  CreateDonationInput,
  CreateDriveInput,
  Disbursement,
  DisbursementStepInput,
  Donation,
  Drive,
  ListBeneficiariesQuery,
  ListCancerAidQuery,
  ListDisbursementsQuery,
  ListDonationsQuery,
  ListDrivesQuery,
  Publicity,
  Receipt,
  Reconciliation,
  UpdateDriveInput,
} from '../../../../contracts/donations';
import { api } from '../../../lib/api-client';
import { uploadFile } from '../../../lib/upload-file';

const base = '/api/v1/donations';
const id = (s: string) => encodeURIComponent(s);

export const donationKeys = {
  all: ['donations'] as const,
  drives: (p: Partial<ListDrivesQuery>) => ['donations', 'drives', p] as const,
  drive: (driveId: string) => ['donations', 'drive', driveId] as const,
  donations: (p: Partial<ListDonationsQuery>) => ['donations', 'donations', p] as const,
  disbursements: (p: Partial<ListDisbursementsQuery>) => ['donations', 'disbursements', p] as const,
  beneficiaries: (p: Partial<ListBeneficiariesQuery>) => ['donations', 'beneficiaries', p] as const,
  reconciliation: (driveId: string) => ['donations', 'reconciliation', driveId] as const,
  publicity: (driveId: string) => ['donations', 'publicity', driveId] as const,
  receipt: (donationId: string) => ['donations', 'receipt', donationId] as const,
  aid: (p: Partial<ListCancerAidQuery>) => ['donations', 'aid', p] as const,
};

/** Every donation write can move totals, balances, lists and the indicators. */
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: donationKeys.all });
    void qc.invalidateQueries({ queryKey: ['indicators'] });
    void qc.invalidateQueries({ queryKey: ['history'] });
  };
};

const useWrite = <I, O>(fn: (input: I) => Promise<O>) => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
};

export const useDrives = (p: Partial<ListDrivesQuery>) =>
  useQuery({
    queryKey: donationKeys.drives(p),
    queryFn: ({ signal }) => api.get<ListResult<Drive>>(`${base}/drives`, p, signal),
    placeholderData: keepPreviousData,
  });
export const useDrive = (driveId: string | undefined) =>
  useQuery({
    queryKey: donationKeys.drive(driveId ?? ''),
    queryFn: ({ signal }) => api.get<Drive>(`${base}/drives/${id(driveId ?? '')}`, undefined, signal),
    enabled: !!driveId,
  });
export const useDonations = (p: Partial<ListDonationsQuery>) =>
  useQuery({
    queryKey: donationKeys.donations(p),
    queryFn: ({ signal }) => api.get<ListResult<Donation>>(`${base}/donations`, p, signal),
    placeholderData: keepPreviousData,
  });
export const useDisbursements = (p: Partial<ListDisbursementsQuery>) =>
  useQuery({
    queryKey: donationKeys.disbursements(p),
    queryFn: ({ signal }) => api.get<ListResult<Disbursement>>(`${base}/disbursements`, p, signal),
    placeholderData: keepPreviousData,
  });
export const useBeneficiaries = (p: Partial<ListBeneficiariesQuery>) =>
  useQuery({
    queryKey: donationKeys.beneficiaries(p),
    queryFn: ({ signal }) => api.get<ListResult<Beneficiary>>(`${base}/beneficiaries`, p, signal),
    placeholderData: keepPreviousData,
  });
export const useReconciliation = (driveId: string) =>
  useQuery({
    queryKey: donationKeys.reconciliation(driveId),
    queryFn: ({ signal }) =>
      api.get<Reconciliation>(`${base}/drives/${id(driveId)}/reconciliation`, undefined, signal),
  });
export const usePublicity = (driveId: string) =>
  useQuery({
    queryKey: donationKeys.publicity(driveId),
    queryFn: ({ signal }) => api.get<Publicity>(`${base}/drives/${id(driveId)}/publicity`, undefined, signal),
  });
export const useReceipt = (donationId: string | null) =>
  useQuery({
    queryKey: donationKeys.receipt(donationId ?? ''),
    queryFn: ({ signal }) =>
      api.get<Receipt>(`${base}/donations/${id(donationId ?? '')}/receipt`, undefined, signal),
    enabled: !!donationId,
  });
export const useCancerAid = (p: Partial<ListCancerAidQuery>) =>
  useQuery({
    queryKey: donationKeys.aid(p),
    queryFn: ({ signal }) => api.get<ListResult<CancerAid>>('/api/v1/cancer-aid', p, signal),
    placeholderData: keepPreviousData,
  });

export const useCreateDrive = () => useWrite((i: CreateDriveInput) => api.post<Drive>(`${base}/drives`, i));
export const useUpdateDrive = () =>
  useWrite(({ id: driveId, ...i }: UpdateDriveInput & { id: string }) =>
    api.patch<Drive>(`${base}/drives/${id(driveId)}`, i),
  );
export const useDeleteDrive = () =>
  useWrite((d: { id: string; version: number }) =>
    api.delete<Drive>(`${base}/drives/${id(d.id)}`, { version: d.version }),
  );
export const useCreateDonation = () =>
  useWrite((i: CreateDonationInput) => api.post<Donation>(`${base}/donations`, i));
export const useDeleteDonation = () =>
  useWrite((d: { id: string; version: number }) =>
    api.delete<Donation>(`${base}/donations/${id(d.id)}`, { version: d.version }),
  );
export const useCreateBeneficiary = () =>
  useWrite((i: CreateBeneficiaryInput) => api.post<Beneficiary>(`${base}/beneficiaries`, i));
export const useCreateDisbursement = () =>
  useWrite((i: CreateDisbursementInput) => api.post<Disbursement>(`${base}/disbursements`, i));
export const useStepDisbursement = () =>
  useWrite(({ id: dId, ...i }: DisbursementStepInput & { id: string }) =>
    api.post<Disbursement>(`${base}/disbursements/${id(dId)}/steps`, i),
  );
export const useCreateCancerAid = () =>
  useWrite((i: CreateCancerAidInput) => api.post<CancerAid>('/api/v1/cancer-aid', i));
export const useStepCancerAid = () =>
  useWrite(({ id: aId, ...i }: CancerAidStepInput & { id: string }) =>
    api.post<CancerAid>(`/api/v1/cancer-aid/${id(aId)}/steps`, i),
  );

/** POST the diagnosis document (multipart `file`); the server tells image from PDF by its bytes. */
export const useUploadAidDocument = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (i: { aidId: string; file: File; csrfToken: string }) =>
      uploadFile<CancerAid>({
        url: `/api/v1/cancer-aid/${id(i.aidId)}/document`,
        file: i.file,
        csrfToken: i.csrfToken,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: donationKeys.all }),
  });
};
