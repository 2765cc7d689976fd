import { readdirSync } from 'node:fs';
import path from 'node:path';
import { getTableColumns, getTableName, isTable } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditModules, historyEntityTypes } from '../../contracts/audit';
import { cliLedgers } from '../cli/io-cli';
import { scopedLedgerTables } from '../kernel/db/scoped-tables';
import { historyRecords } from './audit/record-history';
import { modules } from './index';

const serverDir = path.resolve(import.meta.dirname, '..');
const tableFiles = (readdirSync(serverDir, { recursive: true }) as string[]).filter((f) =>
  f.endsWith('.table.ts'),
);

// Tables with an org_path that a unit move must not rewrite directly: triggers keep them in step.
const derivedTables = new Set([
  'courtyard_inspections_by_month',
  'courtyard_inspected_households',
  'audit_log',
]);

describe('the module list', () => {
  it('names each module once, each an audit module', () => {
    const names = modules.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(auditModules).toContain(n);
  });

  it('declares exactly the record types whose history the contract accepts', () => {
    expect([...historyRecords().keys()].sort()).toEqual([...historyEntityTypes].sort());
  });

  it('declares every table with an org_path as scoped (or as kept in step by a trigger)', async () => {
    const withPath: string[] = [];
    for (const f of tableFiles) {
      const mod = (await import(path.join(serverDir, f))) as Record<string, unknown>;
      for (const v of Object.values(mod)) {
        if (!isTable(v)) continue;
        if (Object.values(getTableColumns(v)).some((c) => c.name === 'org_path'))
          withPath.push(getTableName(v));
      }
    }
    const scoped = [...scopedLedgerTables];
    expect(new Set(scoped).size).toBe(scoped.length);
    expect(scoped.filter((t) => !withPath.includes(t))).toEqual([]);
    expect(withPath.filter((t) => !scoped.includes(t) && !derivedTables.has(t))).toEqual([]);
  });

  it('gives every io descriptor a distinct CLI ledger name', () => {
    const ios = modules.flatMap((m) => m.io ?? []);
    expect(Object.keys(cliLedgers).sort()).toEqual(ios.map((io) => io.ledger).sort());
  });
});
