import { and, asc, eq, ilike, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { ListOrgUnitsQuery, OrgUnit } from '../../../contracts/org';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { users } from '../../kernel/auth/users.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { scopedLedgerTables } from '../../kernel/db/scoped-tables';
import { likeEscape, orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export const toOrgUnit = (r: OrgUnitRow): OrgUnit => ({
  id: r.id,
  parentId: r.parentId,
  kind: r.kind as OrgUnit['kind'],
  name: r.name,
  code: r.code,
  depth: r.depth,
  foundedOn: r.foundedOn,
  dissolvedOn: r.dissolvedOn,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});

const sortable = {
  name: orgUnits.name,
  kind: orgUnits.kind,
  createdAt: orgUnits.createdAt,
  depth: orgUnits.depth,
};

const statusFilter = (status: ListOrgUnitsQuery['status']) => {
  switch (status) {
    case 'active':
      return and(isNull(orgUnits.deletedAt), isNull(orgUnits.dissolvedOn));
    case 'dissolved':
      return and(isNull(orgUnits.deletedAt), isNotNull(orgUnits.dissolvedOn));
    case 'deleted':
      return isNotNull(orgUnits.deletedAt);
    default:
      return undefined;
  }
};

export const listUnits = async (db: DbOrTx, scopePath: string, q: ListOrgUnitsQuery) => {
  const where = and(
    scoped(orgUnits.path, scopePath),
    statusFilter(q.status),
    q.kind ? eq(orgUnits.kind, q.kind) : undefined,
    q.q ? or(ilike(orgUnits.name, likeEscape(q.q)), ilike(orgUnits.code, likeEscape(q.q))) : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ unit: orgUnits, totalCount: totalCount() })
    .from(orgUnits)
    .where(where)
    .orderBy(...orderBy(q.sort, sortable, [asc(orgUnits.path)]))
    .limit(limit)
    .offset(offset);
  return toListResult(
    rows,
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(orgUnits).where(where))[0].n,
    (r) => toOrgUnit(r.unit),
  );
};

export const treeOf = (db: DbOrTx, scopePath: string) =>
  db
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      kind: orgUnits.kind,
      name: orgUnits.name,
      code: orgUnits.code,
      depth: orgUnits.depth,
      dissolvedOn: orgUnits.dissolvedOn,
    })
    .from(orgUnits)
    .where(and(scoped(orgUnits.path, scopePath), isNull(orgUnits.deletedAt)))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.name));

export const findUnit = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), scoped(orgUnits.path, scopePath)));
  return row;
};

/** Locks the row for the rest of the transaction (edits, moves and dissolutions serialize per unit). */
export const lockUnit = async (tx: Tx, scopePath: string, id: string) => {
  const [row] = await tx
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), scoped(orgUnits.path, scopePath)))
    .for('update');
  return row;
};

export const insertUnit = async (tx: Tx, values: typeof orgUnits.$inferInsert) => {
  const [row] = await tx.insert(orgUnits).values(values).returning();
  return row;
};

export const updateUnit = async (tx: Tx, id: string, set: Partial<typeof orgUnits.$inferInsert>) => {
  const [row] = await tx
    .update(orgUnits)
    .set({ ...set, version: sql`${orgUnits.version} + 1`, updatedAt: sql`now()` })
    .where(eq(orgUnits.id, id))
    .returning();
  return row;
};

/** Rewrites the paths of a whole subtree, and of every ledger row in it, after a move. */
export const rewriteSubtreePaths = async (tx: Tx, oldPath: string, newPath: string, depthDelta: number) => {
  await tx
    .update(orgUnits)
    .set({
      path: sql`${newPath} || substr(${orgUnits.path}, ${oldPath.length + 1})`,
      depth: sql`${orgUnits.depth} + ${depthDelta}`,
    })
    .where(scoped(orgUnits.path, oldPath));
  for (const table of scopedLedgerTables) {
    await tx.execute(
      sql`update ${sql.identifier(table)} set org_path = ${newPath} || substr(org_path, ${oldPath.length + 1}) where org_path like ${`${oldPath}%`}`,
    );
  }
};

export const countLiveChildren = async (db: DbOrTx, id: string) => {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, id), isNull(orgUnits.deletedAt), isNull(orgUnits.dissolvedOn)));
  return r.n;
};

export const countActiveUsers = async (db: DbOrTx, id: string) => {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.orgUnitId, id), eq(users.status, 'active'), isNull(users.deletedAt)));
  return r.n;
};

/** Names from the root down to the unit (for "where am I"), limited to what the caller may see. */
export const trailOf = async (db: DbOrTx, path: string, scopePath: string) => {
  const ids = path.split('/').filter(Boolean);
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(and(inArray(orgUnits.id, ids), scoped(orgUnits.path, scopePath)));
  return rows.sort((a, b) => a.path.length - b.path.length).map(({ id, name }) => ({ id, name }));
};
