import { and, asc, eq, inArray, isNull, type SQLWrapper, sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditModule } from '../../../contracts/audit';
import { okSchema } from '../../../contracts/common/paging';
import type { Permission } from '../../../contracts/common/permissions';
import { requirePermission, scoped } from '../access/access';
import { recordAudit } from '../audit/audit';
import { iso } from '../db/columns';
import type { DbOrTx, Tx } from '../db/connection';
import { uuidv7 } from '../db/ids';
import { ctxOf } from '../http/context';
import { AppError, invalid, notFound } from '../http/errors';
import { guardUploadPart } from '../http/input-guard';
import type { ServiceContext } from '../service-context';
import { readImage, removeImage, storeImage } from './image-store';

/**
 * The photos of one kind of ledger record (an activity, a patrol, an inspection …): one table per
 * owner kind with the same columns, so every owner gets the same upload checks, scope rule, audit
 * and soft delete from this one mechanism. `phase` says which stage of the owner a photo shows
 * (a rectification's before / after); it stays null for owner kinds that declare no phases.
 */
export const photoTable = (name: string, ownerColumn: string, ownerIndex = `${name}_owner_idx`) =>
  pgTable(
    name,
    {
      id: uuid('id').primaryKey(),
      ownerId: uuid(ownerColumn).notNull(),
      phase: text('phase'),
      orgPath: text('org_path').notNull(),
      storageKey: text('storage_key').notNull(),
      width: integer('width').notNull(),
      height: integer('height').notNull(),
      bytes: integer('bytes').notNull(),
      createdBy: uuid('created_by'),
      createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'string' }),
    },
    (t) => [index(ownerIndex).on(t.ownerId)],
  );
export type PhotoTable = ReturnType<typeof photoTable>;

/** What the mechanism needs to know of the record that owns the photos. */
export type PhotoOwner = {
  table: PhotoTable;
  module: AuditModule;
  /** Audit entity type of one photo, e.g. `activityPhoto`. */
  entityType: string;
  /** The owner's name in messages: 活动, 巡查记录. */
  ownerNoun: string;
  max: number;
  /** Refusal past `max`, e.g. 每个活动最多上传9张照片. */
  limitMessage: string;
  read: Permission;
  write: Permission;
  /**
   * The stages a photo can show, e.g. `['before', 'after']`: the upload then names one (`?phase=`),
   * and lists can be read per phase. Absent: the owner's photos are one set.
   */
  phases?: readonly [string, ...string[]];
  /** The live owner in the caller's subtree, row-locked (FOR UPDATE) when `tx` is a transaction. */
  lock: (
    tx: Tx,
    scopePath: string,
    ownerId: string,
  ) => Promise<{ orgPath: string; orgUnitId: string; label: string; deletedAt: string | null } | undefined>;
  /** Bumps the owner's version: its photo list changed, so a client holding the old one reloads. */
  touch: (tx: Tx, ownerId: string, userId: string) => Promise<unknown>;
};

export type PhotoMeta = { id: string; width: number; height: number; bytes: number; phase?: string };

/** A photo as listed across owners (a household's gallery): which owner, which phase, when. */
export type ListedPhoto = Omit<PhotoMeta, 'phase'> & {
  ownerId: string;
  phase: string | null;
  createdAt: string;
};

export const photoAttachments = (owner: PhotoOwner) => {
  const t = owner.table;
  const tooMany = owner.limitMessage;

  const liveCount = async (db: DbOrTx, ownerId: string) =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(t)
        .where(and(eq(t.ownerId, ownerId), isNull(t.deletedAt)))
    )[0].n;

  const liveOwner = async (tx: Tx, scopePath: string, ownerId: string) => {
    const row = await owner.lock(tx, scopePath, ownerId);
    if (!row || row.deletedAt) throw notFound(owner.ownerNoun);
    return row;
  };

  const findPhoto = async (db: DbOrTx, scopePath: string, ownerId: string, photoId: string) => {
    const [row] = await db
      .select()
      .from(t)
      .where(
        and(eq(t.id, photoId), eq(t.ownerId, ownerId), isNull(t.deletedAt), scoped(t.orgPath, scopePath)),
      );
    if (!row) throw notFound('照片');
    return row;
  };

  /**
   * The checks an upload can fail before its body is read: permission, the owner (live, in the
   * caller's subtree — else 404, revealing nothing) and the photo limit. Refusing here spares the
   * server from receiving and decoding up to 10 MB it would throw away.
   */
  const checkPhase = (phase: string | undefined) => {
    const phases: readonly string[] | undefined = owner.phases;
    if (phases ? !phase || !phases.includes(phase) : phase !== undefined)
      throw invalid('phase', phases ? `请选择照片类型（${phases.join('/')}）` : '这类记录的照片不分类型');
  };

  const checkUpload = (ctx: ServiceContext, ownerId: string, phase?: string) =>
    ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, owner.write);
      checkPhase(phase);
      await liveOwner(tx, ctx.actor.orgPath, ownerId);
      if ((await liveCount(tx, ownerId)) >= owner.max) throw new AppError('CONFLICT', tooMany);
    });

  /**
   * Stores the photo, then records it in one transaction with the owner's version bump and the
   * audit row. The file is written first (the slow part stays outside the row lock) and removed if
   * the transaction fails, so a refused upload leaves no orphan on disk.
   */
  const add = async (
    ctx: ServiceContext,
    dataDir: string,
    ownerId: string,
    file: Buffer,
    phase?: string,
  ): Promise<PhotoMeta> => {
    checkPhase(phase);
    const stored = await storeImage(dataDir, file);
    try {
      return await ctx.db.transaction(async (tx) => {
        requirePermission(ctx.actor, owner.write);
        // The owner's row lock serialises concurrent uploads, so the count below cannot race.
        const o = await liveOwner(tx, ctx.actor.orgPath, ownerId);
        if ((await liveCount(tx, ownerId)) >= owner.max) throw new AppError('CONFLICT', tooMany);
        const id = uuidv7();
        await tx.insert(t).values({
          id,
          ownerId,
          phase: phase ?? null,
          orgPath: o.orgPath,
          storageKey: stored.storageKey,
          width: stored.width,
          height: stored.height,
          bytes: stored.bytes,
          createdBy: ctx.actor.userId,
        });
        await owner.touch(tx, ownerId, ctx.actor.userId);
        const photo: PhotoMeta = { id, width: stored.width, height: stored.height, bytes: stored.bytes };
        if (phase) photo.phase = phase;
        await recordAudit(tx, ctx.actor, {
          module: owner.module,
          action: 'create',
          entityType: owner.entityType,
          entityId: id,
          entityLabel: o.label,
          orgUnitId: o.orgUnitId,
          orgPath: o.orgPath,
          before: null,
          after: { ownerId, ...photo },
        });
        return photo;
      });
    } catch (e) {
      await removeImage(dataDir, stored.storageKey).catch(() => {});
      throw e;
    }
  };

  const read = async (ctx: ServiceContext, dataDir: string, ownerId: string, photoId: string) => {
    requirePermission(ctx.actor, owner.read);
    const photo = await findPhoto(ctx.db, ctx.actor.orgPath, ownerId, photoId);
    return readImage(dataDir, photo.storageKey);
  };

  /**
   * Soft delete: the row and the file stay (the audit log may need to show what was removed); the
   * photo leaves the owner's list and can no longer be fetched.
   */
  const remove = (ctx: ServiceContext, ownerId: string, photoId: string) =>
    ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, owner.write);
      const o = await liveOwner(tx, ctx.actor.orgPath, ownerId);
      const photo = await findPhoto(tx, ctx.actor.orgPath, ownerId, photoId);
      await tx.update(t).set({ deletedAt: sql`now()` }).where(eq(t.id, photo.id));
      await owner.touch(tx, ownerId, ctx.actor.userId);
      await recordAudit(tx, ctx.actor, {
        module: owner.module,
        action: 'delete',
        entityType: owner.entityType,
        entityId: photo.id,
        entityLabel: o.label,
        orgUnitId: o.orgUnitId,
        orgPath: o.orgPath,
        before: {
          ownerId,
          id: photo.id,
          width: photo.width,
          height: photo.height,
          bytes: photo.bytes,
          ...(photo.phase ? { phase: photo.phase } : {}),
        },
        after: null,
      });
      return { ok: true as const };
    });

  /**
   * The live photos of every owner `ownerIds` selects (a subquery of owner ids, e.g. the inspections
   * of one household), in upload order and within the caller's subtree: a gallery across records.
   */
  const list = async (ctx: ServiceContext, ownerIds: SQLWrapper): Promise<ListedPhoto[]> => {
    requirePermission(ctx.actor, owner.read);
    const found = await ctx.db
      .select({
        id: t.id,
        ownerId: t.ownerId,
        phase: t.phase,
        width: t.width,
        height: t.height,
        bytes: t.bytes,
        createdAt: t.createdAt,
      })
      .from(t)
      .where(and(inArray(t.ownerId, ownerIds), isNull(t.deletedAt), scoped(t.orgPath, ctx.actor.orgPath)))
      .orderBy(asc(t.createdAt), asc(t.id));
    return found.map((p) => ({ ...p, createdAt: iso(p.createdAt) }));
  };

  return { checkUpload, add, read, remove, list, max: owner.max };
};
export type PhotoAttachments = ReturnType<typeof photoAttachments>;

/**
 * An owner's live photo ids in upload order, as a correlated subquery for list selections; with
 * `phase`, only the photos of that phase (a rectification's after-photos).
 */
export const photoIdsOf = (t: PhotoTable, ownerIdColumn: SQLWrapper, phase?: string) =>
  sql<string[]>`coalesce((select array_agg(p.id order by p.created_at) from ${t} p where p.${sql.identifier(
    t.ownerId.name,
  )} = ${ownerIdColumn}${phase === undefined ? sql`` : sql` and p.phase = ${phase}`} and p.deleted_at is null), '{}')`;

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const photoUploadedSchema = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  phase: z.string().optional(),
});

/**
 * Upload (multipart field `file`), fetch (JPEG, private cache) and delete under
 * `<base>/:<param>/photos`, with the owner's permissions as the routes' access rules.
 */
export const photoRoutes =
  (opts: {
    base: string;
    param: string;
    tags: string[];
    owner: Pick<PhotoOwner, 'read' | 'write' | 'ownerNoun' | 'max' | 'phases'>;
    photos: PhotoAttachments;
  }) =>
  async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const { param, photos, owner, tags } = opts;
    const url = `${opts.base}/:${param}/photos`;
    const params = z.object({ [param]: z.uuid() }).strict();
    const photoParams = z.object({ [param]: z.uuid(), photoId: z.uuid() }).strict();
    const ownerIdOf = (p: unknown) => (p as Record<string, string>)[param];
    const phaseQuery = owner.phases && z.object({ phase: z.enum(owner.phases) }).strict();
    const phaseOf = (q: unknown) => (q as { phase?: string } | undefined)?.phase;

    app.post(
      url,
      {
        config: { access: owner.write },
        schema: {
          tags,
          summary: `上传${owner.ownerNoun}照片（multipart 字段 file；JPG/PNG/WebP，≤10MB，最多${owner.max}张${
            owner.phases ? `；phase=${owner.phases.join('|')}` : ''
          }）`,
          params,
          ...(phaseQuery ? { querystring: phaseQuery } : {}),
          response: { 201: photoUploadedSchema },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const ownerId = ownerIdOf(req.params);
        const phase = phaseQuery ? phaseOf(req.query) : undefined;
        await photos.checkUpload(ctx, ownerId, phase);
        if (!req.isMultipart())
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以文件上传方式提交（multipart/form-data）');
        const part = await req.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } });
        guardUploadPart(part);
        if (part?.fieldname !== 'file') throw new AppError('BAD_REQUEST', '没有收到照片文件');
        const file = await part.toBuffer().catch((e: { code?: string }) => {
          if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError('PAYLOAD_TOO_LARGE', '照片超过 10MB 的上限，请压缩后再上传');
          }
          throw e;
        });
        const photo = await photos.add(ctx, req.server.appConfig.dataDir, ownerId, file, phase);
        return reply.status(201).send(photo);
      },
    );
    app.get(
      `${url}/:photoId`,
      {
        config: { access: owner.read },
        schema: { tags, summary: `${owner.ownerNoun}照片（JPEG）`, params: photoParams },
      },
      async (req, reply) => {
        const p = req.params as Record<string, string>;
        const image = await photos.read(ctxOf(req), req.server.appConfig.dataDir, ownerIdOf(p), p.photoId);
        // Private: photos of people must not sit in shared caches; a photo never changes under its id.
        return reply
          .header('content-type', 'image/jpeg')
          .header('cache-control', 'private, max-age=86400')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', 'inline; filename="photo.jpg"')
          .send(image);
      },
    );
    app.delete(
      `${url}/:photoId`,
      {
        config: { access: owner.write },
        schema: {
          tags,
          summary: `删除${owner.ownerNoun}照片`,
          params: photoParams,
          response: { 200: okSchema },
        },
      },
      (req) => {
        const p = req.params as Record<string, string>;
        return photos.remove(ctxOf(req), ownerIdOf(p), p.photoId);
      },
    );
  };
