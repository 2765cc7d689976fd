import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { activityKeys } from './keys';

export const deleteActivityPhoto = ({ activityId, photoId }: { activityId: string; photoId: string }) =>
  api.delete<unknown>(
    `/api/v1/activities/activities/${encodeURIComponent(activityId)}/photos/${encodeURIComponent(photoId)}`,
  );

export const useDeleteActivityPhoto = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteActivityPhoto,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: activityKeys.all }),
  });
};
