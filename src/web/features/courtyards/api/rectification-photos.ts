import { type UploadedPhoto, type UploadPhotoInput, uploadPhoto } from '../../../lib/upload-photo';
import { BASE, enc } from './keys';

/** A rectification's photos (phase `before` or `after`): fetch and delete at `/<photoId>`. */
export const rectificationPhotosUrl = (rectificationId: string) =>
  `${BASE}/rectifications/${enc(rectificationId)}/photos`;

export type UploadRectificationPhotoInput = Omit<UploadPhotoInput, 'url'> & {
  rectificationId: string;
  phase: 'before' | 'after';
};

export const uploadRectificationPhoto = ({
  rectificationId,
  phase,
  ...rest
}: UploadRectificationPhotoInput) =>
  uploadPhoto<UploadedPhoto>({ url: `${rectificationPhotosUrl(rectificationId)}?phase=${phase}`, ...rest });
