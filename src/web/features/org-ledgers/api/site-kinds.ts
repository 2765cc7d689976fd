import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CodeListInput } from '../../../../contracts/common/code-lists';
import { defaultSiteKinds, type SiteKindOptions } from '../../../../contracts/org-ledgers';
import { api } from '../../../lib/api-client';
import { useLabel } from '../../../lib/labels';
import { siteKeys } from './keys';

const url = '/api/v1/org/site-kinds';

/** The county's site kinds (codes with labels); every kind select and label reads these. */
export const useSiteKinds = () =>
  useQuery({
    queryKey: siteKeys.kinds,
    queryFn: ({ signal }) => api.get<SiteKindOptions>(url, undefined, signal),
    select: (data) => data.kinds,
    staleTime: 10 * 60_000,
  });

export const useSetSiteKinds = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kinds: CodeListInput) => api.put<SiteKindOptions>(url, { kinds }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: siteKeys.kinds });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
};

/** A site kind code as its label, from the county's list (the built-in ones while it loads). */
export const useSiteKindLabel = () => {
  const label = useLabel();
  const kinds = useSiteKinds();
  const list = kinds.data ?? defaultSiteKinds;
  return useCallback(
    (code: string | null | undefined) => label(Object.fromEntries(list.map((k) => [k.code, k.label])), code),
    [label, list],
  );
};

/** The county's site kinds as select options, in its order. */
export const useSiteKindOptions = () => {
  const label = useLabel();
  const kinds = useSiteKinds();
  return (kinds.data ?? defaultSiteKinds).map((k) => ({
    value: k.code,
    label: label({ [k.code]: k.label }, k.code),
  }));
};
