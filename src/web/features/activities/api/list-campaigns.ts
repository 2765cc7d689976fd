import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Campaign } from '../../../../contracts/activities';
import type { ListResult } from '../../../../contracts/common/paging';
import { api } from '../../../lib/api-client';
import { type CampaignListParams, campaignKeys } from './keys';

export const listCampaigns = (params: CampaignListParams, signal?: AbortSignal) =>
  api.get<ListResult<Campaign>>('/api/v1/activities/campaigns', params, signal);

export const useCampaigns = (params: CampaignListParams, enabled = true) =>
  useQuery({
    queryKey: campaignKeys.list(params),
    queryFn: ({ signal }) => listCampaigns(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
