import { describe, expect, it } from 'vitest';
import { canGrantRole, hasPermission, type Role, rolePermissions, roles } from './permissions';

const isSubset = (role: Role, of: Role) =>
  rolePermissions[role].every((p) => rolePermissions[of].includes(p));

describe('who may grant which role', () => {
  it('a system admin may grant every role', () => {
    for (const role of roles) expect(canGrantRole('sysAdmin', role), role).toBe(true);
  });

  it('a federation admin may grant cadre, executive member, viewer and her own role, never system admin', () => {
    expect(canGrantRole('federationAdmin', 'federationAdmin')).toBe(true);
    expect(canGrantRole('federationAdmin', 'cadre')).toBe(true);
    expect(canGrantRole('federationAdmin', 'executiveMember')).toBe(true);
    expect(canGrantRole('federationAdmin', 'viewer')).toBe(true);
    expect(canGrantRole('federationAdmin', 'sysAdmin')).toBe(false);
  });

  it('the read-only roles may hand on a role only if its permissions are a subset of their own', () => {
    expect(canGrantRole('viewer', 'viewer')).toBe(true);
    expect(canGrantRole('viewer', 'executiveMember')).toBe(isSubset('executiveMember', 'viewer'));
    expect(canGrantRole('executiveMember', 'viewer')).toBe(isSubset('viewer', 'executiveMember'));
    expect(canGrantRole('viewer', 'cadre')).toBe(false);
    expect(canGrantRole('viewer', 'federationAdmin')).toBe(false);
    expect(canGrantRole('viewer', 'sysAdmin')).toBe(false);
    expect(canGrantRole('cadre', 'federationAdmin')).toBe(false);
    expect(canGrantRole('cadre', 'sysAdmin')).toBe(false);
  });

  it('a role that holds an extra permission can never be granted by one that lacks it', () => {
    for (const granter of roles) {
      for (const role of roles) {
        const missing = rolePermissions[role].filter((p) => !rolePermissions[granter].includes(p));
        if (missing.length > 0) expect(canGrantRole(granter, role), `${granter} → ${role}`).toBe(false);
      }
    }
  });

  it('for every pair, granting is allowed exactly when the role’s permissions are a subset of the granter’s', () => {
    for (const granter of roles) {
      for (const role of roles) {
        expect(canGrantRole(granter, role), `${granter} → ${role}`).toBe(isSubset(role, granter));
      }
    }
  });

  it('only a system admin holds system.manage, and every role can read the org tree', () => {
    expect(roles.filter((r) => hasPermission(r, 'system.manage'))).toEqual(['sysAdmin']);
    expect(roles.every((r) => hasPermission(r, 'org.read'))).toBe(true);
    expect(hasPermission('viewer', 'users.read')).toBe(false);
  });
});
