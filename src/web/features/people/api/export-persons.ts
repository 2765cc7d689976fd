import { toQueryString } from '../../../lib/api-client';
import type { PersonListParams } from './keys';

/**
 * GET /api/v1/people/persons/export with the list's filters (no paging): a plain link the browser downloads
 * as .xlsx with the session cookie.
 */
export const personsExportUrl = (
  { page: _page, pageSize: _pageSize, sort: _sort, ...filters }: PersonListParams,
  /** Why the full numbers are exported: given, the export is unmasked (the server requires a reason). */
  unmaskReason?: string,
): string =>
  `/api/v1/people/persons/export${toQueryString({
    ...filters,
    unmask: unmaskReason ? 1 : 0,
    ...(unmaskReason ? { reason: unmaskReason } : {}),
  })}`;
