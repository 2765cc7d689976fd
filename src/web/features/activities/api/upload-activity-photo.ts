import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UploadPhotoInput, uploadPhoto } from '../../../lib/photo-upload';
import { activityKeys } from './keys';

export { MAX_PHOTO_BYTES, MAX_PHOTOS, photoTypes, type UploadedPhoto } from '../../../lib/photo-upload';

export type UploadActivityPhotoInput = Omit<UploadPhotoInput, 'url'> & { activityId: string };

export const activityPhotosUrl = (activityId: string) =>
  `/api/v1/activities/activities/${encodeURIComponent(activityId)}/photos`;

export const uploadActivityPhoto = ({ activityId, ...rest }: UploadActivityPhotoInput) =>
  uploadPhoto({ url: activityPhotosUrl(activityId), ...rest });

export const useUploadActivityPhoto = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadActivityPhoto,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: activityKeys.all }),
  });
};
