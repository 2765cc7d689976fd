import {
  MAX_PHOTOS,
  type UploadedPhoto,
  type UploadPhotoInput,
  uploadPhoto,
} from '../../../lib/upload-photo';
import { BASE, enc } from './keys';

export const MAX_INSPECTION_PHOTOS = MAX_PHOTOS;

/** An inspection's photos: upload here, fetch and delete at `/<photoId>` (the kernel's photo routes). */
export const inspectionPhotosUrl = (inspectionId: string) =>
  `${BASE}/inspections/${enc(inspectionId)}/photos`;

export type UploadInspectionPhotoInput = Omit<UploadPhotoInput, 'url'> & { inspectionId: string };

export const uploadInspectionPhoto = ({ inspectionId, ...rest }: UploadInspectionPhotoInput) =>
  uploadPhoto<UploadedPhoto>({ url: inspectionPhotosUrl(inspectionId), ...rest });
