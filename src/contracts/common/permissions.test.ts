import { describe, expect, it } from 'vitest';
import { orgKinds } from '../org';
import {
  canGrantRole,
  coversRole,
  hasPermission,
  permissionLabels,
  permissions,
  permissionsOf,
  type Role,
  refusalOf,
  rolePermissions,
  roles,
} from './permissions';

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

describe('permissionsOf: a role cut to the level of her unit', () => {
  const grassroots = ['village', 'community', 'enterprise', 'newSector'] as const;

  it('a county or town federation admin keeps her whole role (bar system.manage, which she never had)', () => {
    expect(permissionsOf('federationAdmin', 'county')).toEqual([...rolePermissions.federationAdmin]);
    expect(permissionsOf('federationAdmin', 'town')).toEqual([...rolePermissions.federationAdmin]);
    expect(permissionsOf('federationAdmin', 'street')).toEqual([...rolePermissions.federationAdmin]);
  });

  it('a grassroots federation admin records her own work but manages no tree, accounts, log or courtyard scheme', () => {
    for (const kind of grassroots) {
      const held = permissionsOf('federationAdmin', kind);
      for (const p of [
        'org.manage',
        'users.read',
        'users.write',
        'audit.read',
        'audit.export',
        'courtyards.manage',
      ])
        expect(held, `${kind} ${p}`).not.toContain(p);
      for (const p of [
        'org.read',
        'org.write',
        'people.write',
        'activities.write',
        'courtyards.write',
        'reports.write',
      ])
        expect(held, `${kind} ${p}`).toContain(p);
    }
  });

  it('a system admin holds system.manage only at the county', () => {
    expect(permissionsOf('sysAdmin', 'county')).toContain('system.manage');
    expect(permissionsOf('sysAdmin', 'town')).not.toContain('system.manage');
    expect(permissionsOf('sysAdmin', 'village')).not.toContain('system.manage');
  });

  it('never adds a permission the role lacks, at any level', () => {
    for (const role of roles)
      for (const kind of orgKinds)
        for (const p of permissionsOf(role, kind))
          expect(rolePermissions[role], `${role}@${kind}`).toContain(p);
  });

  it('hasPermission with a unit kind reads the same declaration', () => {
    expect(hasPermission('federationAdmin', 'courtyards.manage', 'town')).toBe(true);
    expect(hasPermission('federationAdmin', 'courtyards.manage', 'village')).toBe(false);
  });
});

describe('granting across levels', () => {
  it('a town admin may make a village federation admin, whose bundle the village cuts down', () => {
    expect(
      canGrantRole('federationAdmin', 'federationAdmin', { granterKind: 'town', targetKind: 'village' }),
    ).toBe(true);
    expect(
      coversRole('federationAdmin', permissionsOf('federationAdmin', 'town'), 'federationAdmin', 'village'),
    ).toBe(true);
    expect(coversRole('federationAdmin', permissionsOf('federationAdmin', 'town'), 'sysAdmin', 'town')).toBe(
      false,
    );
  });

  it('a village admin cannot grant a federation admin anywhere above her level', () => {
    expect(
      canGrantRole('federationAdmin', 'federationAdmin', { granterKind: 'village', targetKind: 'town' }),
    ).toBe(false);
    expect(canGrantRole('federationAdmin', 'federationAdmin', { granterKind: 'village' })).toBe(false);
    expect(
      coversRole('federationAdmin', permissionsOf('federationAdmin', 'village'), 'cadre', 'village'),
    ).toBe(true);
  });
});

describe('a refusal says why', () => {
  it('names the level when her role would hold it higher up, else her role', () => {
    expect(refusalOf('federationAdmin', 'courtyards.manage')).toBe(
      '无权操作：制定评分细则、安排验收小组、评比挂牌和评定特色庭院由上级妇联负责，本单位不能操作',
    );
    expect(refusalOf('viewer', 'people.write')).toBe('无权操作：只读用户不能登记或修改人员台账');
  });

  it('every permission has a zh-CN and English label', () => {
    for (const p of permissions) expect(permissionLabels[p].zh && permissionLabels[p].en, p).toBeTruthy();
  });
});
