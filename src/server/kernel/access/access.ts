import { and, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Permission, refusalOf } from '../../../contracts/common/permissions';
import type { DbOrTx } from '../db/connection';
import { AppError, notFound } from '../http/errors';
import type { Actor } from './actor';
import { orgUnits } from './org-units.table';

export type { Actor } from './actor';

/** The deployment's root unit (the county): the first segment of every path. */
export const rootOf = (actor: Pick<Actor, 'orgPath'>) => actor.orgPath.split('/').filter(Boolean)[0];

/** True if `path` lies in the subtree rooted at `rootPath` (both materialized `/a/b/` paths). */
export const isWithin = (path: string, rootPath: string) => path.startsWith(rootPath);

/** A path column named in raw SQL: `org_path` or `alias.org_path` (identifiers only, never input). */
const COLUMN_REF = /^(?:[a-z_][a-z0-9_]*\.)?[a-z_][a-z0-9_]*$/;

/** A drizzle column, a SQL fragment, or a raw-SQL column reference such as `'i.org_path'`. */
export type PathColumn = AnyPgColumn | SQL | string;

const pathSql = (column: PathColumn): AnyPgColumn | SQL => {
  if (typeof column !== 'string') return column;
  if (!COLUMN_REF.test(column)) throw new Error(`scoped(): “${column}” is not a column reference`);
  return sql.join(
    column.split('.').map((part) => sql.identifier(part)),
    sql`.`,
  );
};

/**
 * The org-subtree rule as SQL: every repository query filters its rows with this, so a list, a
 * count, an export or a get-by-id can never reach rows outside the caller's subtree. Raw SQL
 * names its column as a string (`scoped('i.org_path', path)`); nothing else writes `org_path like`.
 */
export const scoped = (pathColumn: PathColumn, rootPath: string): SQL =>
  sql`${pathSql(pathColumn)} like ${`${rootPath}%`}`;

/** The same rule between two rows: `pathColumn` lies in the subtree of the unit at `ancestorColumn`. */
export const scopedUnder = (pathColumn: PathColumn, ancestorColumn: PathColumn): SQL =>
  sql`${pathSql(pathColumn)} like ${pathSql(ancestorColumn)} || '%'`;

/**
 * The reverse rule, for settings handed down the tree (rubrics, campaigns, report definitions):
 * rows whose unit is the one at `path` or one of its ancestors.
 */
export const scopedAbove = (pathColumn: PathColumn, path: string): SQL =>
  sql`${path} like ${pathSql(pathColumn)} || '%'`;

/**
 * A refusal by the scope check, answered exactly like the 404 of a missing record (same code,
 * message and body) but marked so the auth hooks audit it as an access denial.
 */
export class ScopeDenial extends AppError {}

/** The 403 of a permission she lacks, saying why: her unit's level or her role. */
export const forbidden = (actor: Pick<Actor, 'role'>, permission: Permission) =>
  new AppError('FORBIDDEN', refusalOf(actor.role, permission));

export const requirePermission = (actor: Actor, permission: Permission) => {
  if (!actor.permissions.has(permission)) throw forbidden(actor, permission);
};

type AccessRequest = {
  actor: Actor;
  permission: Permission;
  /** Org units the operation reads or writes; every one must lie in the actor's subtree. */
  orgUnitIds?: readonly string[];
  /** Whether soft-deleted units may be addressed (e.g. to restore them). */
  isDeletedAllowed?: boolean;
};

/**
 * The one access check every service runs first (immich's requireAccess): the permission, then
 * the org units. Units outside the subtree answer 404 exactly as missing ones do, revealing nothing.
 * Returns the units' paths by id for the caller's later use.
 */
export const requireAccess = async (db: DbOrTx, req: AccessRequest): Promise<Map<string, string>> => {
  requirePermission(req.actor, req.permission);
  const ids = [...new Set(req.orgUnitIds ?? [])];
  const paths = new Map<string, string>();
  if (ids.length === 0) return paths;
  const rows = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.id, ids),
        scoped(orgUnits.path, req.actor.orgPath),
        req.isDeletedAllowed ? undefined : isNull(orgUnits.deletedAt),
      ),
    );
  for (const r of rows) paths.set(r.id, r.path);
  if (paths.size !== ids.length) {
    // Missing and foreign units answer alike; only a unit that exists outside the subtree is a
    // denial worth an audit row. The lookup runs for both, so both take the same path.
    const missing = ids.filter((id) => !paths.has(id));
    const existing = await db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, missing));
    const answer = notFound('组织');
    throw existing.length > 0 ? new ScopeDenial(answer.code, answer.userMessage) : answer;
  }
  return paths;
};

/**
 * The subtree a list is restricted to: the actor's own, or a unit she picked inside it (the org
 * scope switcher). A unit outside her subtree is refused.
 */
export const resolveScopePath = async (
  db: DbOrTx,
  actor: Actor,
  permission: Permission,
  orgUnitId: string | undefined,
): Promise<string> => {
  requirePermission(actor, permission);
  if (!orgUnitId || orgUnitId === actor.orgUnitId) return actor.orgPath;
  const paths = await requireAccess(db, {
    actor,
    permission,
    orgUnitIds: [orgUnitId],
    isDeletedAllowed: true,
  });
  return paths.get(orgUnitId) as string;
};
