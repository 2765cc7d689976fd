/**
 * Ledger tables that carry a denormalized `org_path` (so scoped queries need no join). When an org
 * unit moves, every one of them is rewritten with the unit's new path in the same transaction.
 *
 * The kernel names no module: each module declares its scoped tables in its `<m>.module.ts`
 * (`defineModule({ scopedTables })`), which lands them here when `modules/index.ts` is loaded.
 */
const declared = new Map<string, readonly string[]>();

/** Called by `defineModule`: a module's scoped tables (declaring a module twice replaces its list). */
export const declareScopedTables = (moduleName: string, tables: readonly string[]) => {
  declared.set(moduleName, tables);
};

/**
 * Every declared scoped table, in module order. Iterating it before any module was declared throws:
 * an empty list would silently leave a moved unit's records under the old path.
 */
export const scopedLedgerTables: Iterable<string> = {
  *[Symbol.iterator]() {
    if (declared.size === 0)
      throw new Error('no module has declared its scoped tables: import src/server/modules first');
    const seen = new Set<string>();
    for (const tables of declared.values())
      for (const t of tables) {
        if (seen.has(t)) continue;
        seen.add(t);
        yield t;
      }
  },
};
