import { and, isNull } from 'drizzle-orm';
import { orgUnits } from '../../modules/org/org.table';
import { scoped } from '../access/access';
import type { Actor } from '../access/actor';
import type { Tx } from '../db/connection';

export type UnitRef = { id: string; path: string; name: string };

/**
 * Org units of the caller's subtree by the names sheets use (东岭村妇联 or 东岭村), for ledgers
 * whose rows name their village. Dissolved and deleted units are not offered.
 */
export const unitNameResolver = async (tx: Tx, actor: Actor, defaultOrgUnitId?: string) => {
  const units = await tx
    .select({ id: orgUnits.id, path: orgUnits.path, name: orgUnits.name })
    .from(orgUnits)
    .where(
      and(scoped(orgUnits.path, actor.orgPath), isNull(orgUnits.deletedAt), isNull(orgUnits.dissolvedOn)),
    );
  const byName = new Map<string, UnitRef[]>();
  for (const u of units) {
    for (const key of new Set([u.name, u.name.replace(/妇联$/, '')]))
      byName.set(key, [...(byName.get(key) ?? []), u]);
  }
  const fallback = defaultOrgUnitId ? units.find((u) => u.id === defaultOrgUnitId) : undefined;
  /** The unit a row names, or the import's default unit when the cell is empty. */
  return (name: string | undefined): { unit: UnitRef } | { error: string } => {
    if (!name)
      return fallback ? { unit: fallback } : { error: '请填写所属村（社区），或在导入时选择默认组织' };
    const found = byName.get(name) ?? byName.get(name.replace(/妇联$/, ''));
    if (!found) return { error: '在您管辖的组织中找不到该村（社区），请核对名称' };
    if (found.length > 1) return { error: '有多个同名组织，请写全称' };
    return { unit: found[0] };
  };
};
