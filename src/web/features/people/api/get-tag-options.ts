import { useQuery } from '@tanstack/react-query';
import { defaultPersonTags } from '../../../../contracts/people';
import { api } from '../../../lib/api-client';

export const getTagOptions = (signal?: AbortSignal) =>
  api.get<{ tags: string[]; isDefault: boolean }>('/api/v1/people/tag-options', undefined, signal);

/** The person tags (人员类别) the county configured; the default list until it loads. */
export const usePersonTagOptions = () => {
  const query = useQuery({
    queryKey: ['people', 'tag-options'],
    queryFn: ({ signal }) => getTagOptions(signal),
    staleTime: 5 * 60_000,
  });
  return (query.data?.tags ?? [...defaultPersonTags]).map((tag) => ({ value: tag, label: tag }));
};
