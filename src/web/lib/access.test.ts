import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../contracts/common/permissions';
import { accessOf } from './access';

const trail = [
  { id: '00000000-0000-7000-8000-000000000001', name: '云溪县妇联' },
  { id: '00000000-0000-7000-8000-000000000002', name: '青石镇妇联' },
  { id: '00000000-0000-7000-8000-000000000003', name: '东岭村妇联' },
];
const at = (depth: number, kind: 'county' | 'town' | 'village') =>
  accessOf({
    role: 'federationAdmin',
    permissions: permissionsOf('federationAdmin', kind),
    orgUnit: { id: trail[depth].id, trail: trail.slice(0, depth + 1) },
  });

describe('accessOf: the buttons a session may show', () => {
  it('a village chair manages no tree, accounts or courtyard scheme, and keeps her own ledgers', () => {
    const village = at(2, 'village');
    expect(village.canManageOrg).toBe(false);
    expect(village.canManageCourtyards).toBe(false);
    expect(village.canReadUsers).toBe(false);
    expect(village.canReadAudit).toBe(false);
    expect(village.grantableRoles).toEqual([]);
    expect(village.canWriteOrg).toBe(true);
    expect(village.can('courtyards.write')).toBe(true);
  });

  it('a town chair manages her villages and grants up to her own role, never system admin', () => {
    const town = at(1, 'town');
    expect(town.canManageOrg && town.canManageCourtyards && town.canWriteUsers).toBe(true);
    expect(town.grantableRoles).toEqual([
      'federationAdmin',
      'cadre',
      'executiveMember',
      'viewer',
      'storeKeeper',
    ]);
    expect(town.canManageRole('sysAdmin')).toBe(false);
  });

  it('a record of a unit above her names its owner; her own and her subtree’s are hers', () => {
    const village = at(2, 'village');
    expect(village.ownerAbove(trail[0].id)).toEqual(trail[0]);
    expect(village.ownerAbove(trail[1].id)).toEqual(trail[1]);
    expect(village.ownerAbove(trail[2].id)).toBeNull();
    expect(village.ownerAbove('00000000-0000-7000-8000-000000000009')).toBeNull();
  });

  it('only the county is the root unit that sets county-wide lists', () => {
    expect(at(0, 'county').isRootUnit).toBe(true);
    expect(at(1, 'town').isRootUnit).toBe(false);
    expect(accessOf(null).isRootUnit).toBe(false);
  });
});
