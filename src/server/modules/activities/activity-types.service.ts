import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  type ActivityTypeOption,
  defaultActivityTypes,
  type SetActivityTypesInput,
} from '../../../contracts/activities';
import { quoted } from '../../../contracts/common/quoted';
import { requirePermission, rootOf, scoped } from '../../kernel/access/access';
import type { Actor } from '../../kernel/access/actor';
import { recordAudit } from '../../kernel/audit/audit';
import type { DbOrTx } from '../../kernel/db/connection';
import { AppError } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { activities, activityTypeOptions } from './activities.table';

type TypeOption = ActivityTypeOption;

/** A built-in type dated by nature (培训, 普法) stays so in a list saved before types could say it. */
const datedByDefault = (code: string) => defaultActivityTypes.some((d) => d.code === code && d.isDated);

/** The county's activity types (configured, or the default list), each with a stable code. */
export const activityTypesOf = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>) => {
  const [row] = await db
    .select()
    .from(activityTypeOptions)
    .where(eq(activityTypeOptions.rootOrgUnitId, rootOf(actor)));
  return row
    ? {
        types: (row.types as TypeOption[]).map((t) => ({
          ...t,
          isDated: t.isDated ?? datedByDefault(t.code),
        })),
        isDefault: false,
      }
    : { types: defaultActivityTypes, isDefault: true };
};

export const assertActivityType = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>, code: string) => {
  const { types } = await activityTypesOf(db, actor);
  if (!types.some((t) => t.code === code)) {
    const message = `活动类型${quoted(code)}不在本县的活动类型中（可选：${types.map((t) => t.label.zh).join('、')}）`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'type', message }]);
  }
};

export const getActivityTypes = (ctx: ServiceContext) => {
  requirePermission(ctx.actor, 'activities.read');
  return activityTypesOf(ctx.db, ctx.actor);
};

/** The next free `customN` code for a type added without one. */
const freshCodes = (taken: Set<string>) => {
  let n = 1;
  return () => {
    while (taken.has(`custom${n}`)) n += 1;
    const code = `custom${n}`;
    taken.add(code);
    return code;
  };
};

/**
 * Only the county (the root unit) sets the list; towns and villages use it. A type already used by
 * an activity of the county may be renamed but not removed: its records would lose their name.
 */
export const setActivityTypes = (ctx: ServiceContext, input: SetActivityTypesInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'org.manage');
    const root = rootOf(ctx.actor);
    if (ctx.actor.orgUnitId !== root) throw new AppError('FORBIDDEN', '活动类型由县（区）妇联统一设置');
    // One writer at a time: the row lock (or, on first save, the insert) serialises concurrent saves.
    await tx.execute(sql`select 1 from activity_type_options where root_org_unit_id = ${root} for update`);
    const before = await activityTypesOf(tx, ctx.actor);
    const next = freshCodes(
      new Set([...before.types.map((t) => t.code), ...input.types.flatMap((t) => t.code ?? [])]),
    );
    const types: TypeOption[] = input.types.map((t) => {
      const code = t.code ?? next();
      // Left out: the type keeps what it said (a new type is not dated).
      const kept = before.types.find((b) => b.code === code)?.isDated ?? false;
      return { code, label: { zh: t.label.zh, en: t.label.en || t.label.zh }, isDated: t.isDated ?? kept };
    });
    const removed = before.types.filter((b) => !types.some((t) => t.code === b.code));
    if (removed.length) {
      const used = await tx
        .select({ type: activities.type, n: sql<number>`count(*)::int` })
        .from(activities)
        .where(
          and(
            inArray(
              activities.type,
              removed.map((r) => r.code),
            ),
            scoped(activities.orgPath, `/${root}/`),
          ),
        )
        .groupBy(activities.type);
      if (used.length) {
        const names = used.map((u) => {
          const label = removed.find((r) => r.code === u.type)?.label.zh ?? u.type;
          return `${quoted(label)}（${u.n}条活动）`;
        });
        const message = `${names.join('、')}已在台账中使用，不能删除，可以改名`;
        throw new AppError('CONFLICT', message, [{ field: 'types', message }]);
      }
    }
    await tx
      .insert(activityTypeOptions)
      .values({ rootOrgUnitId: root, types, updatedBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: activityTypeOptions.rootOrgUnitId,
        set: { types, updatedBy: ctx.actor.userId, updatedAt: new Date().toISOString() },
      });
    await recordAudit(tx, ctx.actor, {
      module: 'activities',
      action: 'update',
      entityType: 'activityTypes',
      entityLabel: '活动类型',
      orgUnitId: root,
      orgPath: ctx.actor.orgPath,
      before: { types: before.types },
      after: { types },
    });
    return { types, isDefault: false };
  });
