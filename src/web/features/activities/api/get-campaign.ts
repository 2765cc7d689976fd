import { useQuery } from '@tanstack/react-query';
import type { Campaign } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { campaignKeys } from './keys';

export const getCampaign = (id: string, signal?: AbortSignal) =>
  api.get<Campaign>(`/api/v1/activities/campaigns/${encodeURIComponent(id)}`, undefined, signal);

export const useCampaign = (id: string | undefined) =>
  useQuery({
    queryKey: campaignKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getCampaign(id as string, signal),
    enabled: Boolean(id),
  });
