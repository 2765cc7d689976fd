import { eq, sql } from 'drizzle-orm';
import type { ChangePasswordInput, LoginInput, SessionUser } from '../../../contracts/auth';
import { permissionsOf, type Role } from '../../../contracts/common/permissions';
import type { OrgKind } from '../../../contracts/org';
import type { Actor } from '../../kernel/access/actor';
import { recordAudit } from '../../kernel/audit/audit';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../kernel/auth/password';
import { createSession, type SessionSettings } from '../../kernel/auth/sessions';
import { sessions } from '../../kernel/auth/sessions.table';
import type { ThrottledAudit } from '../../kernel/auth/throttled-audit';
import { users } from '../../kernel/auth/users.table';
import type { Db } from '../../kernel/db/connection';
import { AppError } from '../../kernel/http/errors';
import { maskPiiText } from '../../kernel/privacy/pii-mask';
import { findUnit, trailOf } from '../org/org.repository';
import { findUserByUsername, updateUser } from '../users/users.repository';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

type Meta = { ip: string | null; userAgent: string | null };

const lockedMessage = (until: string) => {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - Date.now()) / 60_000));
  return `连续登录失败${MAX_FAILED_LOGINS}次，账号已锁定，请${minutes}分钟后再试或联系管理员重置密码`;
};

/**
 * Signs a user in. Failures are counted per account: the fifth in a row locks it for 15 minutes
 * (audited). The counter is committed even though the request fails.
 */
export const login = async (
  db: Db,
  settings: SessionSettings,
  input: LoginInput,
  meta: Meta,
  audit: ThrottledAudit,
) => {
  const found = await findUserByUsername(db, input.username);
  if (!found) {
    await burnPasswordCheck(input.password);
    // Unknown names sprayed from one address: one row a minute per address, counting them all.
    await audit.record(`unknownUser|${meta.ip}`, (attempts) =>
      db.transaction((tx) =>
        recordAudit(
          tx,
          null,
          {
            module: 'auth',
            action: 'loginFailed',
            // A phone typed as a user name is personal data: masked like any in the log.
            entityLabel: maskPiiText(input.username.slice(0, 64)),
            after: { reason: 'unknownUser', attempts },
          },
          meta.ip,
        ),
      ),
    );
    throw new AppError('INVALID_CREDENTIALS');
  }
  const { user, orgPath } = found;
  const auditBase = {
    module: 'auth' as const,
    entityType: 'user',
    entityId: user.id,
    entityLabel: `${user.displayName}（${user.username}）`,
    orgUnitId: user.orgUnitId,
    orgPath,
  };
  const actorOfUser = { userId: user.id, displayName: user.displayName, ip: meta.ip };
  // Attempts the account's state refuses are failures too: audited, one row a minute per account
  // and address however many come.
  const auditRefused = (reason: 'locked' | 'disabled') =>
    audit.record(`${reason}|${user.id}|${meta.ip}`, (attempts) =>
      db.transaction((tx) =>
        recordAudit(tx, actorOfUser, { ...auditBase, action: 'loginFailed', after: { reason, attempts } }),
      ),
    );
  if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now()) {
    await burnPasswordCheck(input.password);
    await auditRefused('locked');
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(user.lockedUntil));
  }
  const isValid = await verifyPassword(user.passwordHash, input.password);
  if (!isValid) {
    const failed = user.failedLogins + 1;
    const isLocking = failed >= MAX_FAILED_LOGINS;
    const lockedUntil = isLocking ? new Date(Date.now() + LOCKOUT_MS).toISOString() : null;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLogins: isLocking ? 0 : failed, lockedUntil })
        .where(eq(users.id, user.id));
      await recordAudit(tx, actorOfUser, {
        ...auditBase,
        action: 'loginFailed',
        after: { reason: 'wrongPassword', failedLogins: failed, attempts: 1 },
      });
      if (isLocking)
        await recordAudit(tx, actorOfUser, { ...auditBase, action: 'locked', after: { lockedUntil } });
    });
    if (lockedUntil) throw new AppError('ACCOUNT_LOCKED', lockedMessage(lockedUntil));
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await auditRefused('disabled');
    throw new AppError('ACCOUNT_DISABLED');
  }
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: sql`now()` })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, settings, user.id, meta);
    await recordAudit(tx, actorOfUser, { ...auditBase, action: 'login' });
    return session;
  });
};

export const logout = (db: Db, actor: Actor, sessionId: string) =>
  db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await recordAudit(tx, actor, {
      module: 'auth',
      action: 'logout',
      entityType: 'user',
      entityId: actor.userId,
      entityLabel: actor.displayName,
      orgUnitId: actor.orgUnitId,
      orgPath: actor.orgPath,
    });
  });

export const sessionUserOf = async (db: Db, actor: Actor): Promise<SessionUser> => {
  const unit = await findUnit(db, actor.orgPath, actor.orgUnitId);
  if (!unit) throw new AppError('UNAUTHENTICATED');
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    permissions: permissionsOf(actor.role as Role, unit.kind as OrgKind),
    orgUnit: {
      id: unit.id,
      name: unit.name,
      kind: unit.kind as OrgKind,
      // Her own ancestors' names: where she stands in the tree.
      trail: await trailOf(db, unit.path, '/'),
    },
  };
};

/** A wrong current password: a guess at it, counted and audited by the route like a failed sign-in. */
export class WrongCurrentPassword extends AppError {}

/** Changing one's password keeps this session and ends every other one. */
export const changeOwnPassword = (db: Db, actor: Actor, sessionId: string, input: ChangePasswordInput) =>
  db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
    if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new WrongCurrentPassword('VALIDATION_FAILED', '当前密码不正确', [
        { field: 'currentPassword', message: '当前密码不正确' },
      ]);
    }
    if (input.currentPassword === input.newPassword) {
      throw new AppError('VALIDATION_FAILED', '新密码不能与当前密码相同', [
        { field: 'newPassword', message: '新密码不能与当前密码相同' },
      ]);
    }
    await updateUser(tx, actor.userId, {
      passwordHash: await hashPassword(input.newPassword),
      passwordChangedAt: new Date().toISOString(),
      updatedBy: actor.userId,
    });
    await tx
      .delete(sessions)
      .where(sql`${sessions.userId} = ${actor.userId} and ${sessions.id} <> ${sessionId}`);
    await recordAudit(tx, actor, {
      module: 'auth',
      action: 'changePassword',
      entityType: 'user',
      entityId: actor.userId,
      entityLabel: actor.displayName,
      orgUnitId: actor.orgUnitId,
      orgPath: actor.orgPath,
    });
  });
