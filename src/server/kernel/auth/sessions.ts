import { createHmac, randomBytes } from 'node:crypto';
import { eq, lt, or, sql } from 'drizzle-orm';
import { permissionsOf, type Role } from '../../../contracts/common/permissions';
import type { OrgKind } from '../../../contracts/org';
import type { Actor } from '../access/actor';
import { orgUnits } from '../access/org-units.table';
import type { Db, DbOrTx } from '../db/connection';
import { sessions } from './sessions.table';
import { users } from './users.table';

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

/** How stale `last_seen_at` may get: it is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60_000;
const MAX_TRACKED_SESSIONS = 50_000;

/**
 * Each session's last request as this process saw it (the idle rule counts every request, while
 * the table is written at most once a minute). Bounded: past the cap the oldest entries go, and
 * those sessions fall back to the table's time plus its lag.
 */
const lastRequestAt = new Map<string, number>();
const noteRequest = (id: string, at: number) => {
  lastRequestAt.delete(id);
  lastRequestAt.set(id, at);
  if (lastRequestAt.size > MAX_TRACKED_SESSIONS)
    lastRequestAt.delete(lastRequestAt.keys().next().value as string);
};

export type LoadedSession =
  | { status: 'valid'; sessionId: string; csrfToken: string; actor: Actor }
  | { status: 'expired' | 'missing' };

/** One query: the session, its user and her org unit (whose kind cuts her role's permissions). Idle or absolute expiry ends the session. */
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
      orgKind: orgUnits.kind,
      orgDeletedAt: orgUnits.deletedAt,
      userDeletedAt: users.deletedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(sessions.id, id));
  if (!row) {
    lastRequestAt.delete(id);
    return { status: 'missing' };
  }
  const now = Date.now();
  const written = Date.parse(row.lastSeenAt);
  // The table's time lags the last request by up to TOUCH_INTERVAL_MS; this process's own record
  // of it is exact. A session unknown here (another process, a restart) gets the benefit of the
  // lag, so an active user is never signed out early, at worst a minute late.
  const lastActivity = lastRequestAt.get(id) ?? written + Math.min(TOUCH_INTERVAL_MS, settings.idleMs);
  const isIdle = now - Math.max(written, lastActivity) > settings.idleMs;
  const isOver = now > Date.parse(row.expiresAt);
  if (isIdle || isOver || row.status !== 'active' || row.orgDeletedAt || row.userDeletedAt) {
    lastRequestAt.delete(id);
    await db.delete(sessions).where(eq(sessions.id, id));
    return { status: 'expired' };
  }
  noteRequest(id, now);
  // Written at most once a minute: cheap on every request; the check above reads the exact time.
  if (now - written > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now).toISOString() })
      .where(eq(sessions.id, id));
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
      permissions: new Set(permissionsOf(role, row.orgKind as OrgKind)),
      ip,
    },
  };
};

export const destroySession = (db: DbOrTx, sessionId: string) => {
  lastRequestAt.delete(sessionId);
  return db.delete(sessions).where(eq(sessions.id, sessionId));
};

/** Disabling a user or resetting her password ends every session she has, at once. */
export const destroyUserSessions = (db: DbOrTx, userId: string) =>
  db.delete(sessions).where(eq(sessions.userId, userId));

export const purgeExpiredSessions = (db: DbOrTx, idleMs: number) =>
  db.delete(sessions).where(
    or(
      lt(sessions.expiresAt, sql`now()`),
      // last_seen_at lags the last request by up to a minute: never purge an active session.
      lt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${(idleMs + TOUCH_INTERVAL_MS) / 1000})`),
    ),
  );
