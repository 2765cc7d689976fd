import { photoRoutes } from '../../kernel/files/photo-attachments';
import { activityPhotoFiles, activityPhotoOwner } from './activity-photos.service';

/** 活动照片: upload, fetch and delete under /api/v1/activities/activities/:activityId/photos. */
export const activityPhotosRoutes = photoRoutes({
  base: '/api/v1/activities/activities',
  param: 'activityId',
  tags: ['activities'],
  owner: activityPhotoOwner,
  photos: activityPhotoFiles,
});
