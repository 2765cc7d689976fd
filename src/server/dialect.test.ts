import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The audit table has two writers, both in kernel/audit: recordAudit (one row) and recordAuditRows (many).
 * Both redact secrets; a module that inserted rows itself would skip that (as eight places once did).
 */
const ROOT = 'src/server';
const WRITES =
  /\binsert\s*\(\s*auditLog\b|bulkInsert\(\s*\w+\s*,\s*auditLog\b|insert\s+into\s+(public\.)?audit_log\b/i;

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });

describe('who writes the audit table', () => {
  it('only kernel/audit writes audit rows; every other module goes through recordAudit/recordAuditRows', () => {
    const writers = sources(ROOT).filter(
      (f) => !f.startsWith(path.join(ROOT, 'kernel', 'audit')) && WRITES.test(readFileSync(f, 'utf8')),
    );
    expect(writers).toEqual([]);
  });

  it('the check sees a hand-written insert (it can fail)', () => {
    expect(WRITES.test('await tx.insert(auditLog).values(row)')).toBe(true);
    expect(WRITES.test('await bulkInsert(tx, auditLog, rows)')).toBe(true);
    expect(WRITES.test("sql`insert into audit_log (module) values ('x')`")).toBe(true);
    expect(WRITES.test('await recordAuditRows(tx, rows)')).toBe(false);
  });
});
