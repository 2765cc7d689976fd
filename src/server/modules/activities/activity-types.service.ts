import { eq } from 'drizzle-orm';
import { defaultActivityTypes } from '../../../contracts/activities';
import { requirePermission, rootOf } from '../../kernel/access/access';
import type { Actor } from '../../kernel/access/actor';
import type { DbOrTx } from '../../kernel/db/connection';
import { AppError } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { activityTypeOptions } from './activities.table';

type TypeOption = { code: string; label: { zh: string; en: string } };

/** The county's activity types (configured, or the default list), each with a stable code. */
export const activityTypesOf = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>) => {
  const [row] = await db
    .select()
    .from(activityTypeOptions)
    .where(eq(activityTypeOptions.rootOrgUnitId, rootOf(actor)));
  return row
    ? { types: row.types as TypeOption[], isDefault: false }
    : { types: defaultActivityTypes, isDefault: true };
};

export const assertActivityType = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>, code: string) => {
  const { types } = await activityTypesOf(db, actor);
  if (!types.some((t) => t.code === code)) {
    const message = `活动类型“${code}”不在本县的活动类型中（可选：${types.map((t) => t.label.zh).join('、')}）`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'type', message }]);
  }
};

export const getActivityTypes = (ctx: ServiceContext) => {
  requirePermission(ctx.actor, 'activities.read');
  return activityTypesOf(ctx.db, ctx.actor);
};
