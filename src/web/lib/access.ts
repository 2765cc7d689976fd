import type { SessionUser } from '../../contracts/auth';
import { coversRole, type Permission, type Role, roles } from '../../contracts/common/permissions';

export type Access = {
  /** Whether her session holds `permission`: her role's permissions cut to her unit's level. */
  can: (permission: Permission | undefined) => boolean;
  /** Her unit's own org ledgers: grids, sites, women's groups, elections. */
  canWriteOrg: boolean;
  /** The org tree itself (新增/编辑/移动/撤销 units) and the dictionaries shared down it. */
  canManageOrg: boolean;
  /** The courtyard scheme a town runs: rubrics, 验收小组, reviews, featured designations. */
  canManageCourtyards: boolean;
  canReadUsers: boolean;
  canWriteUsers: boolean;
  canReadAudit: boolean;
  canExportAudit: boolean;
  /** Roles she may hand out: never more than she holds herself. */
  grantableRoles: Role[];
  /** Whether she may act on an account holding `role` (edit, reset, disable). */
  canManageRole: (role: Role) => boolean;
  /**
   * The unit above her that owns a record handed down the tree (a county's report definition seen
   * by a town or village), or null when the record is her subtree's and hers to change.
   */
  ownerAbove: (orgUnitId: string) => { id: string; name: string } | null;
  /** Her unit is the deployment's root (the county): only it sets county-wide lists and categories. */
  isRootUnit: boolean;
};

/** What the signed-in user may see and do, a pure function of her session (the server enforces it again). */
export const accessOf = (
  user:
    | (Pick<SessionUser, 'role' | 'permissions'> & { orgUnit?: Pick<SessionUser['orgUnit'], 'id' | 'trail'> })
    | null
    | undefined,
): Access => {
  const held = new Set<Permission>(user?.permissions ?? []);
  const can = (permission: Permission | undefined) => permission === undefined || held.has(permission);
  const role = user?.role;
  const canWriteUsers = held.has('users.write');
  const above = (user?.orgUnit?.trail ?? []).filter((u) => u.id !== user?.orgUnit?.id);
  return {
    can,
    canWriteOrg: held.has('org.write'),
    canManageOrg: held.has('org.manage'),
    canManageCourtyards: held.has('courtyards.manage'),
    canReadUsers: held.has('users.read'),
    canWriteUsers,
    canReadAudit: held.has('audit.read'),
    canExportAudit: held.has('audit.export'),
    grantableRoles: role && canWriteUsers ? roles.filter((r) => coversRole(role, held, r)) : [],
    canManageRole: (target) => Boolean(role && canWriteUsers && coversRole(role, held, target)),
    ownerAbove: (orgUnitId) => above.find((u) => u.id === orgUnitId) ?? null,
    isRootUnit: Boolean(user?.orgUnit) && above.length === 0,
  };
};
