import { photoRoutes } from '../../kernel/files/photo-attachments';
import {
  inspectionPhotoFiles,
  inspectionPhotoOwner,
  rectificationPhotoFiles,
  rectificationPhotoOwner,
} from './courtyard-photos.service';
import { COURTYARDS_BASE } from './courtyards.routes';

/** 检查照片: upload, fetch and delete under /api/v1/courtyards/inspections/:inspectionId/photos. */
export const inspectionPhotosRoutes = photoRoutes({
  base: `${COURTYARDS_BASE}/inspections`,
  param: 'inspectionId',
  tags: ['courtyards'],
  owner: inspectionPhotoOwner,
  photos: inspectionPhotoFiles,
});

/** 整改前/后照片: the same under /api/v1/courtyards/rectifications/:rectificationId/photos (upload names ?phase=). */
export const rectificationPhotosRoutes = photoRoutes({
  base: `${COURTYARDS_BASE}/rectifications`,
  param: 'rectificationId',
  tags: ['courtyards'],
  owner: rectificationPhotoOwner,
  photos: rectificationPhotoFiles,
});
