import { and, eq, isNull, sql } from 'drizzle-orm';
import { requirePermission, scoped } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { DbOrTx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { readImage, removeImage, storeImage } from '../../kernel/files/image-store';
import { AppError, notFound } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { lockActivity, updateActivityRow } from './activities.repository';
import { activities, activityPhotos } from './activities.table';

export const MAX_PHOTOS_PER_ACTIVITY = 9;
const TOO_MANY = `每个活动最多上传${MAX_PHOTOS_PER_ACTIVITY}张照片`;

const liveActivity = async (db: DbOrTx, scopePath: string, activityId: string) => {
  const [row] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(eq(activities.id, activityId), isNull(activities.deletedAt), scoped(activities.orgPath, scopePath)),
    );
  if (!row) throw notFound('活动');
};

const livePhotoCount = async (db: DbOrTx, activityId: string) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(activityPhotos)
      .where(and(eq(activityPhotos.activityId, activityId), isNull(activityPhotos.deletedAt)))
  )[0].n;

/**
 * The checks an upload can fail before its body is read: permission, the activity (live, in the
 * caller's subtree — else 404, revealing nothing) and the photo limit. Refusing here spares the
 * server from receiving and decoding up to 10 MB it would throw away.
 */
export const checkPhotoUpload = async (ctx: ServiceContext, activityId: string) => {
  requirePermission(ctx.actor, 'activities.write');
  await liveActivity(ctx.db, ctx.actor.orgPath, activityId);
  if ((await livePhotoCount(ctx.db, activityId)) >= MAX_PHOTOS_PER_ACTIVITY) {
    throw new AppError('CONFLICT', TOO_MANY);
  }
};

/**
 * Stores the photo, then records it in one transaction with the activity's version bump and the
 * audit row. The file is written first (the slow part stays outside the row lock) and removed if
 * the transaction fails, so a refused upload leaves no orphan on disk.
 */
export const addActivityPhoto = async (
  ctx: ServiceContext,
  dataDir: string,
  activityId: string,
  file: Buffer,
) => {
  const stored = await storeImage(dataDir, file);
  try {
    return await ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, 'activities.write');
      // The lock serialises concurrent uploads to one activity, so the count below cannot race.
      const activity = await lockActivity(tx, ctx.actor.orgPath, activityId);
      if (!activity || activity.deletedAt) throw notFound('活动');
      if ((await livePhotoCount(tx, activityId)) >= MAX_PHOTOS_PER_ACTIVITY) {
        throw new AppError('CONFLICT', TOO_MANY);
      }
      const id = uuidv7();
      await tx.insert(activityPhotos).values({
        id,
        activityId,
        orgPath: activity.orgPath,
        storageKey: stored.storageKey,
        width: stored.width,
        height: stored.height,
        bytes: stored.bytes,
        createdBy: ctx.actor.userId,
      });
      // The activity's photoIds changed: a client holding the old version must reload before editing.
      await updateActivityRow(tx, activityId, { updatedBy: ctx.actor.userId });
      const photo = { id, width: stored.width, height: stored.height, bytes: stored.bytes };
      await recordAudit(tx, ctx.actor, {
        module: 'activities',
        action: 'create',
        entityType: 'activityPhoto',
        entityId: id,
        entityLabel: activity.title,
        orgUnitId: activity.orgUnitId,
        orgPath: activity.orgPath,
        before: null,
        after: { activityId, ...photo },
      });
      return photo;
    });
  } catch (e) {
    await removeImage(dataDir, stored.storageKey).catch(() => {});
    throw e;
  }
};

const findPhoto = async (db: DbOrTx, scopePath: string, activityId: string, photoId: string) => {
  const [row] = await db
    .select()
    .from(activityPhotos)
    .where(
      and(
        eq(activityPhotos.id, photoId),
        eq(activityPhotos.activityId, activityId),
        isNull(activityPhotos.deletedAt),
        scoped(activityPhotos.orgPath, scopePath),
      ),
    );
  if (!row) throw notFound('照片');
  return row;
};

export const readActivityPhoto = async (
  ctx: ServiceContext,
  dataDir: string,
  activityId: string,
  photoId: string,
) => {
  requirePermission(ctx.actor, 'activities.read');
  const photo = await findPhoto(ctx.db, ctx.actor.orgPath, activityId, photoId);
  return readImage(dataDir, photo.storageKey);
};

/**
 * Soft delete: the row and the file stay (the audit log may need to show what was removed); the
 * photo leaves the activity's photoIds and can no longer be fetched.
 */
export const deleteActivityPhoto = (ctx: ServiceContext, activityId: string, photoId: string) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'activities.write');
    const activity = await lockActivity(tx, ctx.actor.orgPath, activityId);
    if (!activity || activity.deletedAt) throw notFound('活动');
    const photo = await findPhoto(tx, ctx.actor.orgPath, activityId, photoId);
    await tx.update(activityPhotos).set({ deletedAt: sql`now()` }).where(eq(activityPhotos.id, photo.id));
    await updateActivityRow(tx, activityId, { updatedBy: ctx.actor.userId });
    await recordAudit(tx, ctx.actor, {
      module: 'activities',
      action: 'delete',
      entityType: 'activityPhoto',
      entityId: photo.id,
      entityLabel: activity.title,
      orgUnitId: activity.orgUnitId,
      orgPath: activity.orgPath,
      before: { activityId, id: photo.id, width: photo.width, height: photo.height, bytes: photo.bytes },
      after: null,
    });
    return { ok: true as const };
  });
