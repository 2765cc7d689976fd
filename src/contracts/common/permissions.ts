import { z } from 'zod';

/** Every permission the system knows, `module.action`. Roles are bundles of these. */
export const permissions = [
  'org.read',
  'org.write',
  'users.read',
  'users.write',
  'audit.read',
  'audit.export',
  'system.manage',
  'people.read',
  'people.write',
  'people.import',
  'people.export',
  'people.viewSensitive',
  'activities.read',
  'activities.write',
  'activities.import',
  'activities.export',
  'courtyards.read',
  'courtyards.write',
  'courtyards.import',
  'courtyards.export',
  'courtyards.manage',
  'reports.read',
  'reports.write',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['sysAdmin', 'federationAdmin', 'cadre', 'executiveMember', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const rolePermissions: Record<Role, readonly Permission[]> = {
  sysAdmin: permissions,
  federationAdmin: [
    'org.read',
    'org.write',
    'users.read',
    'users.write',
    'audit.read',
    'audit.export',
    'people.read',
    'people.write',
    'people.import',
    'people.export',
    'people.viewSensitive',
    'activities.read',
    'activities.write',
    'activities.import',
    'activities.export',
    'courtyards.read',
    'courtyards.write',
    'courtyards.import',
    'courtyards.export',
    'courtyards.manage',
    'reports.read',
    'reports.write',
  ],
  cadre: [
    'org.read',
    'users.read',
    'people.read',
    'people.write',
    'people.import',
    'people.export',
    'activities.read',
    'activities.write',
    'activities.import',
    'activities.export',
    'courtyards.read',
    'courtyards.write',
    'courtyards.import',
    'courtyards.export',
    'reports.read',
    'reports.write',
  ],
  executiveMember: [
    'org.read',
    'people.read',
    'people.write',
    'activities.read',
    'activities.write',
    'courtyards.read',
    'courtyards.write',
    'reports.read',
    'reports.write',
  ],
  viewer: ['org.read', 'people.read', 'activities.read', 'courtyards.read', 'reports.read'],
};

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  sysAdmin: { zh: '系统管理员', en: 'System admin' },
  federationAdmin: { zh: '妇联管理员', en: 'Federation admin' },
  cadre: { zh: '妇联干部', en: 'Cadre' },
  executiveMember: { zh: '执委', en: 'Executive member' },
  viewer: { zh: '只读用户', en: 'Viewer' },
};

export const hasPermission = (role: Role, permission: Permission): boolean =>
  rolePermissions[role].includes(permission);

/** A user may grant a role only if every permission of that role is one she holds herself. */
export const canGrantRole = (granter: Role, role: Role): boolean =>
  rolePermissions[role].every((p) => rolePermissions[granter].includes(p));
