import { eq } from 'drizzle-orm';
import { defaultPersonTags, type SetTagOptionsInput } from '../../../contracts/people';
import { requirePermission, rootOf } from '../../kernel/access/access';
import type { Actor } from '../../kernel/access/actor';
import { recordAudit } from '../../kernel/audit/audit';
import type { DbOrTx } from '../../kernel/db/connection';
import { AppError } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { personTagOptions } from './people.table';

export const tagOptionsOf = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>) => {
  const [row] = await db
    .select()
    .from(personTagOptions)
    .where(eq(personTagOptions.rootOrgUnitId, rootOf(actor)));
  return row ? { tags: row.tags, isDefault: false } : { tags: [...defaultPersonTags], isDefault: true };
};

/** Tags on a person must come from the configured list (typos would split a statistic in two). */
export const assertTagsAllowed = async (
  db: DbOrTx,
  actor: Pick<Actor, 'orgPath'>,
  tags: readonly string[],
) => {
  if (tags.length === 0) return;
  const { tags: allowed } = await tagOptionsOf(db, actor);
  const unknown = tags.filter((t) => !allowed.includes(t));
  if (unknown.length) {
    const message = `“${unknown.join('、')}”不在人员类别中（可选：${allowed.join('、')}）`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'tags', message }]);
  }
};

export const getTagOptions = (ctx: ServiceContext) => {
  requirePermission(ctx.actor, 'people.read');
  return tagOptionsOf(ctx.db, ctx.actor);
};

/** Only the county (the root unit) sets the list; towns and villages use it. */
export const setTagOptions = (ctx: ServiceContext, input: SetTagOptionsInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'org.manage');
    const root = rootOf(ctx.actor);
    if (ctx.actor.orgUnitId !== root) throw new AppError('FORBIDDEN', '人员类别由县（区）妇联统一设置');
    const before = await tagOptionsOf(tx, ctx.actor);
    await tx
      .insert(personTagOptions)
      .values({ rootOrgUnitId: root, tags: input.tags, updatedBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: personTagOptions.rootOrgUnitId,
        set: { tags: input.tags, updatedBy: ctx.actor.userId, updatedAt: new Date().toISOString() },
      });
    await recordAudit(tx, ctx.actor, {
      module: 'people',
      action: 'update',
      entityType: 'tagOptions',
      entityLabel: '人员类别',
      orgUnitId: root,
      orgPath: ctx.actor.orgPath,
      before: { tags: before.tags },
      after: { tags: input.tags },
    });
    return { tags: input.tags, isDefault: false };
  });
