import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type { Site } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { type SiteListParams, siteKeys } from './keys';

export const listSites = (params: SiteListParams, signal?: AbortSignal) =>
  api.get<ListResult<Site>>('/api/v1/org/sites', params, signal);

export const useSites = (params: SiteListParams) =>
  useQuery({
    queryKey: siteKeys.list(params),
    queryFn: ({ signal }) => listSites(params, signal),
    placeholderData: keepPreviousData,
  });
