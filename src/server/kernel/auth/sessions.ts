import { createHmac, randomBytes } from 'node:crypto';
import { eq, lt, or, sql } from 'drizzle-orm';
import { type Role, rolePermissions } from '../../../contracts/common/permissions';
import { orgUnits } from '../../modules/org/org.table';
import { users } from '../../modules/users/users.table';
import type { Actor } from '../access/actor';
import type { Db, DbOrTx } from '../db/connection';
import { sessions } from './sessions.table';

export type SessionSettings = { key: string; idleMs: number; maxMs: number };

/** Session ids are a keyed hash of the 256-bit cookie token, so a leaked table cannot be replayed. */
const sessionIdOf = (key: string, token: string) => createHmac('sha256', key).update(token).digest('hex');

export const createSession = async (
  db: DbOrTx,
  settings: SessionSettings,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
) => {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: sessionIdOf(settings.key, token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + settings.maxMs).toISOString(),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
};

export type LoadedSession =
  | { status: 'valid'; sessionId: string; csrfToken: string; actor: Actor }
  | { status: 'expired' | 'missing' };

/** One query: the session, its user and her org unit. Idle or absolute expiry ends the session. */
export const loadSession = async (
  db: Db,
  settings: SessionSettings,
  token: string,
  ip: string | null,
): Promise<LoadedSession> => {
  const id = sessionIdOf(settings.key, token);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      orgUnitId: users.orgUnitId,
      orgPath: orgUnits.path,
      orgDeletedAt: orgUnits.deletedAt,
      userDeletedAt: users.deletedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(sessions.id, id));
  if (!row) return { status: 'missing' };
  const now = Date.now();
  const isIdle = now - Date.parse(row.lastSeenAt) > settings.idleMs;
  const isOver = now > Date.parse(row.expiresAt);
  if (isIdle || isOver || row.status !== 'active' || row.orgDeletedAt || row.userDeletedAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { status: 'expired' };
  }
  // Touch at most once a minute: enough for a 30-minute idle rule, cheap on every request.
  if (now - Date.parse(row.lastSeenAt) > 60_000) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  }
  const role = row.role as Role;
  return {
    status: 'valid',
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      role,
      orgUnitId: row.orgUnitId,
      orgPath: row.orgPath,
      permissions: new Set(rolePermissions[role] ?? []),
      ip,
    },
  };
};

export const destroySession = (db: DbOrTx, sessionId: string) =>
  db.delete(sessions).where(eq(sessions.id, sessionId));

/** Disabling a user or resetting her password ends every session she has, at once. */
export const destroyUserSessions = (db: DbOrTx, userId: string) =>
  db.delete(sessions).where(eq(sessions.userId, userId));

export const purgeExpiredSessions = (db: DbOrTx, idleMs: number) =>
  db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, sql`now()`),
        lt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${idleMs / 1000})`),
      ),
    );
