import { getTableName } from 'drizzle-orm';
import { registeredModules } from '../module';
import { shareLinks } from '../share/share-links.table';

/** The kernel's own tables with an `org_path`: a share link follows its unit (so its new town can revoke it). */
const kernelScopedTables = [shareLinks];

/**
 * Ledger tables that carry a denormalized `org_path` (so scoped queries need no join). When an org
 * unit moves, every one of them is rewritten with the unit's new path in the same transaction.
 *
 * The kernel names no module: each module declares its scoped tables in its `<m>.module.ts`
 * (`defineModule({ scopedTables })`). Iterating before the module list is registered throws.
 */
export const scopedLedgerTables: Iterable<string> = {
  *[Symbol.iterator]() {
    const seen = new Set<string>();
    for (const table of [
      ...kernelScopedTables,
      ...registeredModules().flatMap((m) => m.scopedTables ?? []),
    ]) {
      const name = getTableName(table);
      if (seen.has(name)) continue;
      seen.add(name);
      yield name;
    }
  },
};
