import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type {
  CreateFeaturedInput,
  FeaturedDesignation,
  SaveFeaturedCategoriesInput,
} from '../../../../contracts/courtyards';
import { api, apiRequest } from '../../../lib/api-client';
import { BASE, courtyardKeys, enc, type FeaturedListParams } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export type FeaturedCategoryOptions = {
  categories: { code: string; label: { zh: string; en: string } }[];
  isDefault: boolean;
};

export const getFeaturedCategories = (signal?: AbortSignal) =>
  api.get<FeaturedCategoryOptions>(`${BASE}/featured-categories`, undefined, signal);
export const useFeaturedCategories = () =>
  useQuery({
    queryKey: courtyardKeys.featuredCategories,
    queryFn: ({ signal }) => getFeaturedCategories(signal),
    staleTime: 60_000,
  });

export const saveFeaturedCategories = (input: SaveFeaturedCategoriesInput) =>
  apiRequest<FeaturedCategoryOptions>('PUT', `${BASE}/featured-categories`, { body: input });
export const useSaveFeaturedCategories = () => useCourtyardMutation(saveFeaturedCategories);

export const listFeatured = (params: FeaturedListParams, signal?: AbortSignal) =>
  api.get<ListResult<FeaturedDesignation>>(`${BASE}/featured`, params, signal);
export const useFeatured = (params: FeaturedListParams) =>
  useQuery({
    queryKey: courtyardKeys.featured(params),
    queryFn: ({ signal }) => listFeatured(params, signal),
    placeholderData: keepPreviousData,
  });

export const createFeatured = (input: CreateFeaturedInput) =>
  api.post<FeaturedDesignation>(`${BASE}/featured`, input);
export const useCreateFeatured = () => useCourtyardMutation(createFeatured);

export const deleteFeatured = ({ id, version }: { id: string; version: number }) =>
  api.delete<FeaturedDesignation>(`${BASE}/featured/${enc(id)}`, { version });
export const useDeleteFeatured = () => useCourtyardMutation(deleteFeatured);

export const restoreFeatured = ({ id, version }: { id: string; version: number }) =>
  api.post<FeaturedDesignation>(`${BASE}/featured/${enc(id)}/restore`, { version });
export const useRestoreFeatured = () => useCourtyardMutation(restoreFeatured);
