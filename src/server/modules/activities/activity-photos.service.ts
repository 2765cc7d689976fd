import { photoAttachments } from '../../kernel/files/photo-attachments';
import { lockActivity } from './activities.repository';
import { activityRecord } from './activities.service';
import { activityPhotos } from './activities.table';

export const MAX_PHOTOS_PER_ACTIVITY = 9;

/** An activity's photos (at most nine), through the one photo mechanism of the kernel. */
export const activityPhotoOwner = {
  table: activityPhotos,
  module: 'activities',
  entityType: 'activityPhoto',
  ownerNoun: '活动',
  max: MAX_PHOTOS_PER_ACTIVITY,
  limitMessage: `每个活动最多上传${MAX_PHOTOS_PER_ACTIVITY}张照片`,
  read: 'activities.read',
  write: 'activities.write',
  lock: async (tx, scopePath, id) => {
    const row = await lockActivity(tx, scopePath, id);
    return (
      row && { orgPath: row.orgPath, orgUnitId: row.orgUnitId, label: row.title, deletedAt: row.deletedAt }
    );
  },
  touch: (tx, id, userId) => activityRecord.write(tx, id, { updatedBy: userId }),
} satisfies Parameters<typeof photoAttachments>[0];

export const activityPhotoFiles = photoAttachments(activityPhotoOwner);
