import { sql } from 'drizzle-orm';
import { requirePermission } from '../../kernel/access/access';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { readImage, removeImage, storeImage } from '../../kernel/files/image-store';
import { AppError, notFound } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { rows, within } from './courtyards.repository';
import { courtyardPhotos } from './courtyards.table';
import { auditCourtyards } from './courtyards-audit';

// Photos of inspections and of rectifications (before / after), as activity photos are kept:
// sniffed, re-encoded without EXIF, stored under the data directory, served only within scope.

export const MAX_PHOTOS_PER_RECORD = 9;
export type PhotoOwner = {
  kind: 'inspection' | 'rectification';
  id: string;
  phase: 'inspection' | 'before' | 'after';
};

const ownerRow = async (db: DbOrTx, scopePath: string, owner: PhotoOwner, isLocking = false) => {
  const table = owner.kind === 'inspection' ? 'courtyard_inspections' : 'courtyard_rectifications';
  const [row] = await rows(
    db,
    sql`select id, org_path, org_unit_id, household_id from ${sql.identifier(table)}
      where id = ${owner.id} and deleted_at is null and ${within('org_path', scopePath)} ${isLocking ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound(owner.kind === 'inspection' ? '检查记录' : '整改记录');
  return row as { id: string; org_path: string; org_unit_id: string; household_id: string };
};

const column = (owner: PhotoOwner) =>
  sql.raw(owner.kind === 'inspection' ? 'inspection_id' : 'rectification_id');

const liveCount = async (db: DbOrTx, owner: PhotoOwner) =>
  Number(
    (
      await rows(
        db,
        sql`select count(*)::int as n from courtyard_photos where ${column(owner)} = ${owner.id} and deleted_at is null`,
      )
    )[0].n,
  );

/** Refuses before the body is read: permission, the record in scope, the photo limit. */
export const checkCourtyardPhotoUpload = async (ctx: ServiceContext, owner: PhotoOwner) => {
  requirePermission(ctx.actor, 'courtyards.write');
  await ownerRow(ctx.db, ctx.actor.orgPath, owner);
  if ((await liveCount(ctx.db, owner)) >= MAX_PHOTOS_PER_RECORD)
    throw new AppError('CONFLICT', `每条记录最多上传${MAX_PHOTOS_PER_RECORD}张照片`);
};

const bumpOwner = (tx: Tx, owner: PhotoOwner, userId: string) =>
  tx.execute(
    sql`update ${sql.identifier(owner.kind === 'inspection' ? 'courtyard_inspections' : 'courtyard_rectifications')}
      set version = version + 1, updated_at = now(), updated_by = ${userId} where id = ${owner.id}`,
  );

export const addCourtyardPhoto = async (
  ctx: ServiceContext,
  dataDir: string,
  owner: PhotoOwner,
  file: Buffer,
) => {
  const stored = await storeImage(dataDir, file);
  try {
    return await ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, 'courtyards.write');
      const row = await ownerRow(tx, ctx.actor.orgPath, owner, true);
      if ((await liveCount(tx, owner)) >= MAX_PHOTOS_PER_RECORD)
        throw new AppError('CONFLICT', `每条记录最多上传${MAX_PHOTOS_PER_RECORD}张照片`);
      const id = uuidv7();
      await tx.insert(courtyardPhotos).values({
        id,
        inspectionId: owner.kind === 'inspection' ? owner.id : null,
        rectificationId: owner.kind === 'rectification' ? owner.id : null,
        householdId: row.household_id,
        phase: owner.phase,
        orgPath: row.org_path,
        storageKey: stored.storageKey,
        width: stored.width,
        height: stored.height,
        bytes: stored.bytes,
        createdBy: ctx.actor.userId,
      });
      await bumpOwner(tx, owner, ctx.actor.userId);
      const photo = {
        id,
        width: stored.width,
        height: stored.height,
        bytes: stored.bytes,
        phase: owner.phase,
      };
      await auditCourtyards(tx, ctx, {
        action: 'create',
        entityType: 'courtyardPhoto',
        entityId: id,
        entityLabel:
          owner.kind === 'inspection' ? '检查照片' : owner.phase === 'before' ? '整改前照片' : '整改后照片',
        orgUnitId: row.org_unit_id,
        orgPath: row.org_path,
        before: null,
        after: { [`${owner.kind}Id`]: owner.id, ...photo },
      });
      return photo;
    });
  } catch (e) {
    await removeImage(dataDir, stored.storageKey).catch(() => {});
    throw e;
  }
};

const findPhoto = async (db: DbOrTx, scopePath: string, photoId: string) => {
  const [row] = await rows(
    db,
    sql`select * from courtyard_photos where id = ${photoId} and deleted_at is null and ${within('org_path', scopePath)}`,
  );
  if (!row) throw notFound('照片');
  return row;
};

export const readCourtyardPhoto = async (ctx: ServiceContext, dataDir: string, photoId: string) => {
  requirePermission(ctx.actor, 'courtyards.read');
  const photo = await findPhoto(ctx.db, ctx.actor.orgPath, photoId);
  return readImage(dataDir, photo.storage_key as string);
};

export const deleteCourtyardPhoto = (ctx: ServiceContext, photoId: string) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'courtyards.write');
    const photo = await findPhoto(tx, ctx.actor.orgPath, photoId);
    const owner: PhotoOwner = photo.inspection_id
      ? { kind: 'inspection', id: photo.inspection_id as string, phase: 'inspection' }
      : { kind: 'rectification', id: photo.rectification_id as string, phase: photo.phase as 'before' };
    const row = await ownerRow(tx, ctx.actor.orgPath, owner, true);
    await tx.execute(sql`update courtyard_photos set deleted_at = now() where id = ${photoId}`);
    await bumpOwner(tx, owner, ctx.actor.userId);
    await auditCourtyards(tx, ctx, {
      action: 'delete',
      entityType: 'courtyardPhoto',
      entityId: photoId,
      entityLabel: '照片',
      orgUnitId: row.org_unit_id,
      orgPath: row.org_path,
      before: { id: photoId, phase: photo.phase, [`${owner.kind}Id`]: owner.id },
      after: null,
    });
    return { ok: true as const };
  });
