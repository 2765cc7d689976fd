import type { CourtyardPhoto } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { uploadPhoto } from '../../../lib/upload-photo';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const MAX_INSPECTION_PHOTOS = 9;

/** Every courtyard photo (inspection, before, after) is served and deleted by its own id. */
export const courtyardPhotoUrl = (photoId: string) => `${BASE}/photos/${enc(photoId)}`;

export type UploadInspectionPhotoInput = {
  inspectionId: string;
  file: File;
  csrfToken: string;
  onProgress?: (percent: number) => void;
};

export const uploadInspectionPhoto = ({ inspectionId, ...rest }: UploadInspectionPhotoInput) =>
  uploadPhoto<CourtyardPhoto>({ url: `${BASE}/inspections/${enc(inspectionId)}/photos`, ...rest });

export const useUploadInspectionPhoto = () => useCourtyardMutation(uploadInspectionPhoto);

export const deleteCourtyardPhoto = (photoId: string) => api.delete<unknown>(courtyardPhotoUrl(photoId));

export const useDeleteCourtyardPhoto = () => useCourtyardMutation(deleteCourtyardPhoto);
