import type { CourtyardPhoto } from '../../../../contracts/courtyards';
import { uploadPhoto } from '../../../lib/upload-photo';
import { BASE, enc } from './keys';
import { useCourtyardMutation } from './use-courtyard-mutation';

export type UploadRectificationPhotoInput = {
  rectificationId: string;
  phase: 'before' | 'after';
  file: File;
  csrfToken: string;
  onProgress?: (percent: number) => void;
};

export const uploadRectificationPhoto = ({
  rectificationId,
  phase,
  ...rest
}: UploadRectificationPhotoInput) =>
  uploadPhoto<CourtyardPhoto>({
    url: `${BASE}/rectifications/${enc(rectificationId)}/photos?phase=${phase}`,
    ...rest,
  });

export const useUploadRectificationPhoto = () => useCourtyardMutation(uploadRectificationPhoto);
