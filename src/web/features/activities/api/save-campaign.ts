import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Campaign, CreateCampaignInput, UpdateCampaignInput } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import { campaignKeys } from './keys';

const base = '/api/v1/activities/campaigns';

export const createCampaign = (input: CreateCampaignInput) => api.post<Campaign>(base, input);

export const updateCampaign = ({ id, ...input }: UpdateCampaignInput & { id: string }) =>
  api.patch<Campaign>(`${base}/${encodeURIComponent(id)}`, input);

export const deleteCampaign = ({ id, version }: { id: string; version: number }) =>
  api.delete<Campaign>(`${base}/${encodeURIComponent(id)}`, { version });

export const restoreCampaign = ({ id, version }: { id: string; version: number }) =>
  api.post<Campaign>(`${base}/${encodeURIComponent(id)}/restore`, { version });

const useCampaignMutation = <I>(mutationFn: (input: I) => Promise<Campaign>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
  });
};

export const useCreateCampaign = () => useCampaignMutation(createCampaign);
export const useUpdateCampaign = () => useCampaignMutation(updateCampaign);
export const useDeleteCampaign = () => useCampaignMutation(deleteCampaign);
export const useRestoreCampaign = () => useCampaignMutation(restoreCampaign);
