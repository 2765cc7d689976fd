import { toQueryString } from '../../../lib/api-client';
import type { AuditListParams } from './keys';

/**
 * GET /api/v1/audit/export with the list's filters: a plain link (a GET, so no CSRF header is needed) that
 * the browser downloads as .xlsx with the session cookie.
 */
export const auditExportUrl = ({ page: _page, pageSize: _pageSize, ...filters }: AuditListParams): string =>
  `/api/v1/audit/export${toQueryString(filters)}`;
