import { toQueryString } from '../../../lib/api-client';
import type { PersonListParams } from './keys';

/**
 * GET /api/v1/people/persons/export with the list's filters (no paging): a plain link the browser downloads
 * as .xlsx with the session cookie. `isUnmasked` asks for full ID numbers and phones (audited on the server).
 */
export const personsExportUrl = (
  { page: _page, pageSize: _pageSize, sort: _sort, ...filters }: PersonListParams,
  isUnmasked = false,
): string => `/api/v1/people/persons/export${toQueryString({ ...filters, unmask: isUnmasked ? 1 : 0 })}`;
