import type { ListAuditQuery } from '../../../../contracts/audit';

export type AuditListParams = Partial<ListAuditQuery>;

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: AuditListParams) => ['audit', 'list', params] as const,
  actors: (q: string, orgUnitId: string) => ['audit', 'actors', q, orgUnitId] as const,
};
