import { eq } from 'drizzle-orm';
import { coversRole, type Role, roleLabels } from '../../../contracts/common/permissions';
import type { OrgKind } from '../../../contracts/org';
import type {
  CreateUserInput,
  ListUsersQuery,
  ResetPasswordInput,
  UpdateUserInput,
  User,
} from '../../../contracts/users';
import { requireAccess, resolveScopePath } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { recordAudit } from '../../kernel/audit/audit';
import { hashPassword } from '../../kernel/auth/password';
import { destroyUserSessions } from '../../kernel/auth/sessions';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { checkVersion } from '../../kernel/http/locking';
import type { ServiceContext } from '../../kernel/service-context';
import {
  findUser,
  insertUser,
  listUserRows,
  lockUser,
  toUser,
  type UserRow,
  updateUser,
} from './users.repository';

/**
 * "Never grant more than you hold": neither assign, nor manage someone holding, a larger role —
 * the role as cut to the level of the account's unit, against the actor's own level-cut permissions.
 */
const assertCanGrant = (ctx: ServiceContext, role: Role, targetKind: OrgKind) => {
  if (!coversRole(ctx.actor.role, ctx.actor.permissions, role, targetKind)) {
    throw new AppError('FORBIDDEN', `无权操作：您不能授予或管理“${roleLabels[role].zh}”角色的账号`);
  }
};

const kindOf = async (db: DbOrTx, orgUnitId: string) => {
  const [row] = await db.select({ kind: orgUnits.kind }).from(orgUnits).where(eq(orgUnits.id, orgUnitId));
  return row?.kind as OrgKind;
};

export const listUsers = async (ctx: ServiceContext, q: ListUsersQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'users.read', q.orgUnitId);
  return listUserRows(ctx.db, scopePath, q);
};

export const getUser = async (ctx: ServiceContext, id: string): Promise<User> => {
  await requireAccess(ctx.db, { actor: ctx.actor, permission: 'users.read' });
  const row = await findUser(ctx.db, ctx.actor.orgPath, id);
  if (!row) throw notFound('用户');
  return toUser(row);
};

export const createUser = (ctx: ServiceContext, input: CreateUserInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'users.write',
      orgUnitIds: [input.orgUnitId],
    });
    assertCanGrant(ctx, input.role, await kindOf(tx, input.orgUnitId));
    const id = uuidv7();
    try {
      const row = await insertUser(tx, {
        id,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        orgUnitId: input.orgUnitId,
        phone: input.phone ?? null,
        passwordHash: await hashPassword(input.password),
        passwordChangedAt: new Date().toISOString(),
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
      const found = await findUser(tx, ctx.actor.orgPath, row.id);
      const user = toUser(found as NonNullable<typeof found>);
      await recordAudit(tx, ctx.actor, {
        module: 'users',
        action: 'create',
        entityType: 'user',
        entityId: id,
        entityLabel: `${user.displayName}（${user.username}）`,
        orgUnitId: input.orgUnitId,
        orgPath: paths.get(input.orgUnitId),
        after: user,
      });
      return user;
    } catch (e) {
      if (isUniqueViolation(e, 'users_username_uq')) {
        throw new AppError('DUPLICATE', `用户名“${input.username}”已被使用`, [
          { field: 'username', message: '用户名已被使用' },
        ]);
      }
      throw e;
    }
  });

/**
 * Shared shape of every edit of a user: access, lock, role ceiling, version, write, audit. Not
 * `defineRecord`'s: an account is no ledger row (no `org_path` of its own — its scope is its unit's
 * path, joined — and no soft delete, only enable/disable), and every edit checks the role ceiling.
 */
const editUser = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, before: User, row: UserRow) => Promise<unknown>,
) =>
  ctx.db.transaction(async (tx) => {
    await requireAccess(tx, { actor: ctx.actor, permission: 'users.write' });
    const locked = await lockUser(tx, ctx.actor.orgPath, id);
    const row = checkVersion(locked?.user, version, '用户');
    const before = toUser(locked as NonNullable<typeof locked>);
    assertCanGrant(ctx, before.role, locked?.orgKind as OrgKind);
    await change(tx, before, row);
    const after = await findUser(tx, '/', id);
    if (!after) throw notFound('用户');
    const user = toUser(after);
    await recordAudit(tx, ctx.actor, {
      module: 'users',
      action,
      entityType: 'user',
      entityId: id,
      entityLabel: `${user.displayName}（${user.username}）`,
      orgUnitId: user.orgUnitId,
      orgPath: after.orgPath,
      before,
      after: user,
    });
    return user;
  });

export const updateUserAccount = (ctx: ServiceContext, id: string, input: UpdateUserInput) =>
  editUser(ctx, id, input.version, 'update', async (tx, before) => {
    const { version: _v, ...set } = input;
    const isSelf = id === ctx.actor.userId;
    if (
      isSelf &&
      ((set.role && set.role !== ctx.actor.role) || (set.orgUnitId && set.orgUnitId !== ctx.actor.orgUnitId))
    ) {
      throw new AppError('FORBIDDEN', '不能修改自己的角色或所属组织，请由上级管理员操作');
    }
    if (set.orgUnitId)
      await requireAccess(tx, { actor: ctx.actor, permission: 'users.write', orgUnitIds: [set.orgUnitId] });
    if (set.role || set.orgUnitId)
      assertCanGrant(ctx, set.role ?? before.role, await kindOf(tx, set.orgUnitId ?? before.orgUnitId));
    await updateUser(tx, id, { ...set, updatedBy: ctx.actor.userId });
    // A changed role or unit applies at once: her sessions end and she signs in again.
    if (set.role || set.orgUnitId) await destroyUserSessions(tx, id);
  });

export const resetUserPassword = (ctx: ServiceContext, id: string, input: ResetPasswordInput) =>
  editUser(ctx, id, input.version, 'resetPassword', async (tx) => {
    await updateUser(tx, id, {
      passwordHash: await hashPassword(input.password),
      passwordChangedAt: new Date().toISOString(),
      failedLogins: 0,
      lockedUntil: null,
      updatedBy: ctx.actor.userId,
    });
    await destroyUserSessions(tx, id);
  });

export const setUserStatus = (
  ctx: ServiceContext,
  id: string,
  version: number,
  status: 'active' | 'disabled',
) =>
  editUser(ctx, id, version, status === 'active' ? 'enable' : 'disable', async (tx, before) => {
    if (id === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能停用自己的账号');
    if (before.status === status) {
      throw new AppError('CONFLICT', status === 'active' ? '该账号已是启用状态' : '该账号已停用');
    }
    await updateUser(tx, id, { status, failedLogins: 0, lockedUntil: null, updatedBy: ctx.actor.userId });
    if (status === 'disabled') await destroyUserSessions(tx, id);
  });
