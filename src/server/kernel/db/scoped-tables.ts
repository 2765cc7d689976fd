import { getTableName } from 'drizzle-orm';
import { registeredModules } from '../module';

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
    for (const m of registeredModules())
      for (const table of m.scopedTables ?? []) {
        const name = getTableName(table);
        if (seen.has(name)) continue;
        seen.add(name);
        yield name;
      }
  },
};
