import type { SessionUser } from '../../contracts/auth';
import { canGrantRole, type Permission, type Role, roles } from '../../contracts/common/permissions';

export type Access = {
  can: (permission: Permission | undefined) => boolean;
  canWriteOrg: boolean;
  canReadUsers: boolean;
  canWriteUsers: boolean;
  canReadAudit: boolean;
  canExportAudit: boolean;
  /** Roles she may hand out: never more than she holds herself. */
  grantableRoles: Role[];
  /** Whether she may act on an account holding `role` (edit, reset, disable). */
  canManageRole: (role: Role) => boolean;
};

/** What the signed-in user may see and do, a pure function of her session (the server enforces it again). */
export const accessOf = (user: Pick<SessionUser, 'role' | 'permissions'> | null | undefined): Access => {
  const held = new Set<Permission>(user?.permissions ?? []);
  const can = (permission: Permission | undefined) => permission === undefined || held.has(permission);
  const role = user?.role;
  const canWriteUsers = held.has('users.write');
  return {
    can,
    canWriteOrg: held.has('org.write'),
    canReadUsers: held.has('users.read'),
    canWriteUsers,
    canReadAudit: held.has('audit.read'),
    canExportAudit: held.has('audit.export'),
    grantableRoles: role && canWriteUsers ? roles.filter((r) => canGrantRole(role, r)) : [],
    canManageRole: (target) => Boolean(role && canWriteUsers && canGrantRole(role, target)),
  };
};
