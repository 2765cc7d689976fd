import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadPhoto } from '../../../lib/upload-photo';
import { activityKeys } from './keys';

export { MAX_PHOTO_BYTES, photoTypes } from '../../../lib/upload-photo';
export const MAX_PHOTOS = 9;

export type UploadedPhoto = { id: string; width: number; height: number; bytes: number };

export type UploadActivityPhotoInput = {
  activityId: string;
  file: File;
  csrfToken: string;
  /** 0–100, as the bytes leave the phone. */
  onProgress?: (percent: number) => void;
};

/** POST …/:activityId/photos as multipart (field `file`), with upload progress. */
export const uploadActivityPhoto = ({ activityId, ...rest }: UploadActivityPhotoInput) =>
  uploadPhoto<UploadedPhoto>({
    url: `/api/v1/activities/activities/${encodeURIComponent(activityId)}/photos`,
    ...rest,
  });

export const useUploadActivityPhoto = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadActivityPhoto,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: activityKeys.all }),
  });
};
