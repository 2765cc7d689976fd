import type { CourtyardPhoto } from '../../../../contracts/courtyards';
import { api } from '../../../lib/api-client';
import { uploadPhoto } from '../../../lib/upload-photo';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export const MAX_INSPECTION_PHOTOS = 9;

export const inspectionPhotoUrl = (inspectionId: string, photoId: string) =>
  `${BASE}/inspections/${enc(inspectionId)}/photos/${enc(photoId)}`;

export type UploadInspectionPhotoInput = {
  inspectionId: string;
  file: File;
  csrfToken: string;
  onProgress?: (percent: number) => void;
};

export const uploadInspectionPhoto = ({ inspectionId, ...rest }: UploadInspectionPhotoInput) =>
  uploadPhoto<CourtyardPhoto>({ url: `${BASE}/inspections/${enc(inspectionId)}/photos`, ...rest });

export const useUploadInspectionPhoto = () => useCourtyardMutation(uploadInspectionPhoto);

export const deleteInspectionPhoto = ({ inspectionId, photoId }: { inspectionId: string; photoId: string }) =>
  api.delete<unknown>(inspectionPhotoUrl(inspectionId, photoId));

export const useDeleteInspectionPhoto = () => useCourtyardMutation(deleteInspectionPhoto);
