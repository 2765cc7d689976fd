import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { ListUsersQuery, User } from '../../../contracts/users';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { users } from '../../kernel/auth/users.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { likeEscape, orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';

export type UserRow = typeof users.$inferSelect;
type UserWithOrg = { user: UserRow; orgUnitName: string; orgPath: string; orgKind: string };

export const toUser = ({ user: u, orgUnitName }: Pick<UserWithOrg, 'user' | 'orgUnitName'>): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role as User['role'],
  orgUnitId: u.orgUnitId,
  orgUnitName,
  phone: u.phone,
  status: u.status as User['status'],
  lockedUntil: iso(u.lockedUntil),
  lastLoginAt: iso(u.lastLoginAt),
  version: u.version,
  createdAt: iso(u.createdAt),
  updatedAt: iso(u.updatedAt),
});

const sortable = {
  username: users.username,
  displayName: users.displayName,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

const withOrg = { user: users, orgUnitName: orgUnits.name, orgPath: orgUnits.path, orgKind: orgUnits.kind };

export const listUserRows = async (db: DbOrTx, scopePath: string, q: ListUsersQuery) => {
  const where = and(
    scoped(orgUnits.path, scopePath),
    isNull(users.deletedAt),
    q.role ? eq(users.role, q.role) : undefined,
    q.status ? eq(users.status, q.status) : undefined,
    q.q ? or(ilike(users.username, likeEscape(q.q)), ilike(users.displayName, likeEscape(q.q))) : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...withOrg, totalCount: totalCount() })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(where)
    .orderBy(...orderBy(q.sort, sortable, [asc(orgUnits.path), asc(users.username)]))
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
        .where(where)
    )[0].n;
  return toListResult(rows, count, toUser);
};

export const findUser = async (
  db: DbOrTx,
  scopePath: string,
  id: string,
): Promise<UserWithOrg | undefined> => {
  const [row] = await db
    .select(withOrg)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.id, id), isNull(users.deletedAt), scoped(orgUnits.path, scopePath)));
  return row;
};

export const lockUser = async (tx: Tx, scopePath: string, id: string): Promise<UserWithOrg | undefined> => {
  const [row] = await tx
    .select(withOrg)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.id, id), isNull(users.deletedAt), scoped(orgUnits.path, scopePath)))
    .for('update', { of: users });
  return row;
};

export const findUserByUsername = async (db: DbOrTx, username: string) => {
  const [row] = await db
    .select(withOrg)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(sql`lower(${users.username}) = lower(${username})`, isNull(users.deletedAt)));
  return row;
};

export const insertUser = async (tx: Tx, values: typeof users.$inferInsert) => {
  const [row] = await tx.insert(users).values(values).returning();
  return row;
};

export const updateUser = async (tx: DbOrTx, id: string, set: Partial<typeof users.$inferInsert>) => {
  const [row] = await tx
    .update(users)
    .set({ ...set, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row;
};
