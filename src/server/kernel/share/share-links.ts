import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { ZodType } from 'zod';
import type { AuditModule } from '../../../contracts/audit';
import type { Permission } from '../../../contracts/common/permissions';
import { SHARE_LINK_DAYS, type SharedDocument, type ShareLink } from '../../../contracts/common/share';
import { isWithin, requireAccess } from '../access/access';
import { recordAudit } from '../audit/audit';
import { iso } from '../db/columns';
import type { Db } from '../db/connection';
import { uuidv7 } from '../db/ids';
import { AppError, notFound } from '../http/errors';
import type { ServiceContext } from '../service-context';
import { shareLinks } from './share-links.table';

/**
 * A document a module lets her share as a read-only link (a village's 公示 …). `snapshot` reads it as
 * she would, with her scope and permissions, and gives exactly what the document shows: that, and
 * nothing live, is what the link serves.
 */
export type ShareKind<Query = never> = {
  /** Stable key, `<module>.<document>`; the route is POST /api/v1/shares/<kind>. */
  kind: string;
  auditModule: AuditModule;
  permission: Permission;
  /** zh-CN, for the API docs. */
  summary: string;
  querySchema: ZodType<Query>;
  snapshot: (
    ctx: ServiceContext,
    query: Query,
  ) => Promise<{ title: string; orgUnitId: string; payload: unknown }>;
};

/** A kind declared over its own query type, kept in a list of kinds. */
export const shareKind = <Query>(kind: ShareKind<Query>): ShareKind => kind as unknown as ShareKind;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const LINK_GONE = '分享链接不存在、已过期或已被撤销';

export const createShareLink = async (
  ctx: ServiceContext,
  kind: ShareKind,
  query: never,
): Promise<ShareLink> => {
  const doc = await kind.snapshot(ctx, query);
  // The kernel's own check once more, whatever the snapshot did: the document's unit is in her subtree.
  const paths = await requireAccess(ctx.db, {
    actor: ctx.actor,
    permission: kind.permission,
    orgUnitIds: [doc.orgUnitId],
  });
  const unit = { path: paths.get(doc.orgUnitId) as string };
  const token = randomBytes(32).toString('base64url');
  const id = uuidv7();
  const expiresAt = new Date(Date.now() + SHARE_LINK_DAYS * 86_400_000).toISOString();
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(shareLinks)
      .values({
        id,
        tokenHash: hashOf(token),
        kind: kind.kind,
        title: doc.title,
        orgUnitId: doc.orgUnitId,
        orgPath: unit.path,
        payload: doc.payload,
        createdBy: ctx.actor.userId,
        expiresAt,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      module: kind.auditModule,
      action: 'share',
      entityType: 'shareLink',
      entityId: id,
      entityLabel: doc.title,
      orgUnitId: doc.orgUnitId,
      orgPath: unit.path,
      after: { kind: kind.kind, expiresAt },
    });
    return saved;
  });
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    path: `/s/${token}`,
    createdAt: iso(row.createdAt) as string,
    expiresAt: iso(row.expiresAt) as string,
  };
};

/** The shared document, for anyone holding a live token; an unknown, expired or revoked one reads the same. */
export const readSharedDocument = async (db: Db, token: string): Promise<SharedDocument> => {
  const [row] = await db
    .select()
    .from(shareLinks)
    .where(
      and(
        eq(shareLinks.tokenHash, hashOf(token)),
        isNull(shareLinks.revokedAt),
        gt(shareLinks.expiresAt, new Date().toISOString()),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND', LINK_GONE);
  return {
    kind: row.kind,
    title: row.title,
    createdAt: iso(row.createdAt) as string,
    expiresAt: iso(row.expiresAt) as string,
    payload: row.payload,
  };
};

/**
 * Ends a link at once: her own, or one made in her subtree (a town chair can withdraw a village's link).
 * Anyone else is told it does not exist.
 */
export const revokeShareLink = async (ctx: ServiceContext, kinds: readonly ShareKind[], id: string) => {
  const [row] = await ctx.db.select().from(shareLinks).where(eq(shareLinks.id, id));
  const isHers = row && (row.createdBy === ctx.actor.userId || isWithin(row.orgPath, ctx.actor.orgPath));
  if (!row || !isHers) throw notFound('分享链接');
  if (row.revokedAt) return;
  await ctx.db.transaction(async (tx) => {
    await tx.update(shareLinks).set({ revokedAt: new Date().toISOString() }).where(eq(shareLinks.id, id));
    await recordAudit(tx, ctx.actor, {
      module: kinds.find((k) => k.kind === row.kind)?.auditModule ?? 'system',
      action: 'revokeShare',
      entityType: 'shareLink',
      entityId: id,
      entityLabel: row.title,
      orgUnitId: row.orgUnitId,
      orgPath: row.orgPath,
    });
  });
};
