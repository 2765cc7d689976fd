import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UploadedPhoto, type UploadPhotoInput, uploadPhoto } from '../../../lib/upload-photo';
import { activityKeys } from './keys';

export { MAX_PHOTO_BYTES, MAX_PHOTOS, photoTypes, type UploadedPhoto } from '../../../lib/upload-photo';

export type UploadActivityPhotoInput = Omit<UploadPhotoInput, 'url'> & { activityId: string };

export const activityPhotosUrl = (activityId: string) =>
  `/api/v1/activities/activities/${encodeURIComponent(activityId)}/photos`;

/** POST …/:activityId/photos as multipart (field `file`), with upload progress. */
export const uploadActivityPhoto = ({ activityId, ...rest }: UploadActivityPhotoInput) =>
  uploadPhoto<UploadedPhoto>({ url: activityPhotosUrl(activityId), ...rest });

export const useUploadActivityPhoto = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadActivityPhoto,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: activityKeys.all }),
  });
};
