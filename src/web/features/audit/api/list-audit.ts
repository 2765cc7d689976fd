import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../contracts/audit';
import type { ListResult } from '../../../../contracts/common/paging';
import { api } from '../../../lib/api-client';
import { type AuditListParams, auditKeys } from './keys';

export const listAudit = (params: AuditListParams, signal?: AbortSignal) =>
  api.get<ListResult<AuditEntry>>('/api/v1/audit', params, signal);

export const useAuditEntries = (params: AuditListParams) =>
  useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => listAudit(params, signal),
    placeholderData: keepPreviousData,
  });
