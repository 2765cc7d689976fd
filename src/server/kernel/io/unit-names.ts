import { and, isNull } from 'drizzle-orm';
import { scoped } from '../access/access';
import type { Actor } from '../access/actor';
import { orgUnits } from '../access/org-units.table';
import type { Tx } from '../db/connection';
import { parseTextCell } from './cells';
import type { RowIssues } from './import-commit';
import type { IoColumn, ParsedRow } from './ledger-io';

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

/**
 * The cell that names a row's village (`orgUnit`, read by `rowUnits`); left empty, the row belongs to
 * the unit chosen for the import.
 */
export const unitColumn = (
  header: string,
  aliases: readonly string[],
  width = 16,
  hint = '如：东岭村；不填则为所选组织',
): IoColumn => ({ key: 'orgUnit', header, aliases, hint, width, parse: (v) => parseTextCell(v, 60) });

/**
 * Each row's unit, from its `unitColumn` cell (or the import's default unit). A row whose unit
 * cannot be used gets the resolver's problem under that column's header.
 */
export const rowUnits = async (
  tx: Tx,
  actor: Actor,
  opts: { defaultOrgUnitId?: string },
  issues: RowIssues,
  unitCol: IoColumn,
) => {
  const resolve = await unitNameResolver(tx, actor, opts.defaultOrgUnitId);
  const column = unitCol.header;
  const nameOf = (r: ParsedRow) => r.values[unitCol.key] as string | undefined;
  /** The row's unit, or undefined once its problem is noted. */
  const check = (r: ParsedRow): UnitRef | undefined => {
    const found = resolve(nameOf(r));
    if ('unit' in found) return found.unit;
    issues.add(r, column, nameOf(r) ?? '', found.error);
    return undefined;
  };
  return {
    check,
    /** The units the rows name that can be used (to load what those units already hold). */
    idsOf: (rows: ParsedRow[]) => [
      ...new Set(
        rows.flatMap((r) => {
          const found = resolve(nameOf(r));
          return 'unit' in found ? [found.unit.id] : [];
        }),
      ),
    ],
    /** Every row's unit; the import stops here (nothing written) when any row has a problem. */
    all: (rows: ParsedRow[]) => {
      const units = new Map<ParsedRow, UnitRef>();
      for (const r of rows) {
        const unit = check(r);
        if (unit) units.set(r, unit);
      }
      issues.throwIfAny();
      return units;
    },
  };
};
