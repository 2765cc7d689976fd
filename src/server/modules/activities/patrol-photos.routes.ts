import { photoAttachments, photoRoutes } from '../../kernel/files/photo-attachments';
import { patrolPhotos } from './activities.table';
import { lockPatrol } from './patrols.repository';
import { patrolRecord } from './patrols.service';

export const MAX_PHOTOS_PER_PATROL = 9;

/** A patrol's photos: the hazards found, and what was done about them. */
const patrolPhotoOwner = {
  table: patrolPhotos,
  module: 'activities',
  entityType: 'patrolPhoto',
  ownerNoun: '巡查记录',
  max: MAX_PHOTOS_PER_PATROL,
  limitMessage: `每条巡查记录最多上传${MAX_PHOTOS_PER_PATROL}张照片`,
  read: 'activities.read',
  write: 'activities.write',
  lock: async (tx, scopePath, id) => {
    const row = await lockPatrol(tx, scopePath, id);
    return (
      row && {
        orgPath: row.orgPath,
        orgUnitId: row.orgUnitId,
        label: `${row.occurredOn} ${row.area}`,
        deletedAt: row.deletedAt,
      }
    );
  },
  touch: (tx, id, userId) => patrolRecord.write(tx, id, { updatedBy: userId }),
} satisfies Parameters<typeof photoAttachments>[0];

/** 巡查照片: upload, fetch and delete under /api/v1/activities/patrols/:patrolId/photos. */
export const patrolPhotosRoutes = photoRoutes({
  base: '/api/v1/activities/patrols',
  param: 'patrolId',
  tags: ['activities'],
  owner: patrolPhotoOwner,
  photos: photoAttachments(patrolPhotoOwner),
});
