import { defaultActivityTypes } from '../../../contracts/activities';
import type { Actor } from '../../kernel/access/actor';
import { countyCodeList } from '../../kernel/code-lists/code-lists';
import type { DbOrTx } from '../../kernel/db/connection';
import { activities } from './activities.table';

/** The county's activity types: a county-configured code list, a type in use cannot be removed. */
export const activityTypeList = countyCodeList({
  list: 'activityTypes',
  what: '活动类型',
  defaults: defaultActivityTypes,
  readPermission: 'activities.read',
  audit: { module: 'activities', entityType: 'activityTypes', field: 'types' },
  usage: { table: activities, column: activities.type, orgPath: activities.orgPath, unit: '条活动' },
});

/** The county's activity types (configured, or the default list), each with a stable code. */
export const activityTypesOf = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>) => {
  const { items, isDefault } = await activityTypeList.of(db, actor);
  return { types: items, isDefault };
};

export const assertActivityType = (db: DbOrTx, actor: Pick<Actor, 'orgPath'>, code: string) =>
  activityTypeList.assert(db, actor, code, 'type');
