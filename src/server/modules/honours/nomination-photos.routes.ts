import { and, eq } from 'drizzle-orm';
import { scoped } from '../../kernel/access/access';
import { photoAttachments, photoRoutes } from '../../kernel/files/photo-attachments';
import { nominationPhotos, nominations } from './honours.table';
import { nominationRecord } from './nominations.service';

export const MAX_CERTIFICATE_PHOTOS = 3;

/** A nomination's certificate photos (获奖证书、奖牌), optional. */
const certificateOwner = {
  table: nominationPhotos,
  module: 'honours',
  entityType: 'nominationPhoto',
  ownerNoun: '推荐记录',
  max: MAX_CERTIFICATE_PHOTOS,
  limitMessage: `每条推荐记录最多上传${MAX_CERTIFICATE_PHOTOS}张证书照片`,
  read: 'honours.read',
  write: 'honours.write',
  lock: async (tx, scopePath, id) => {
    const [row] = await tx
      .select()
      .from(nominations)
      .where(and(eq(nominations.id, id), scoped(nominations.orgPath, scopePath)))
      .for('update');
    return (
      row && {
        orgPath: row.orgPath,
        orgUnitId: row.orgUnitId,
        label: `${row.year}年推荐`,
        deletedAt: row.deletedAt,
      }
    );
  },
  touch: (tx, id, userId) => nominationRecord.write(tx, id, { updatedBy: userId }),
} satisfies Parameters<typeof photoAttachments>[0];

/** 证书照片: upload, fetch and delete under /api/v1/honours/nominations/:nominationId/photos. */
export const nominationPhotosRoutes = photoRoutes({
  base: '/api/v1/honours/nominations',
  param: 'nominationId',
  tags: ['honours'],
  owner: certificateOwner,
  photos: photoAttachments(certificateOwner),
});
