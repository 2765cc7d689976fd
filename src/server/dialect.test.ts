// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the samples below are source text, placeholders included
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The kernel's dialect, read from the source: a module says "audit this" and "only rows in this subtree" the
// kernel's way, so a fix there (redaction, the scope rule) reaches every module.

const ROOT = 'src/server';
const MODULES = path.join(ROOT, 'modules');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });

/** The source without its comments' lines (prose may quote the SQL it forbids). */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
    .join('\n');

/*
 * The audit table has two writers, both in kernel/audit: recordAudit (one row) and recordAuditRows (many).
 * Both redact secrets; a module that inserted rows itself would skip that (as eight places once did).
 */
const AUDIT_WRITES =
  /\binsert\s*\(\s*auditLog\b|bulkInsert\(\s*\w+\s*,\s*auditLog\b|insert\s+into\s+(public\.)?audit_log\b/i;

/*
 * The subtree rule is kernel/access's scoped() (and scopedAbove() for settings handed down): a hand-written
 * `org_path like '/a/b/%'`, in raw SQL or over a drizzle column, is a second copy of it.
 */
const SCOPE_BY_HAND = [
  // org_path like … / h.org_path like … / "path" like … / ${t.orgPath} like …
  /\b(?:org_path|orgPath|path)\b["'`)\]}]*\s+like\s/i,
  // drizzle's like(t.orgPath, …)
  /\blike\(\s*[\w.]*\b(?:orgPath|path)\b\s*,/i,
  // any column against a subtree prefix: ${sql.raw(column)} like ${`${path}%`} (a module's own scoped())
  /\blike\s+\$\{`\$\{[\w.]+\}%`\}/,
  // the reverse: ${path} like r.org_path || '%'
  /\blike\s+\$?\{?[\w.]*\b(?:org_path|orgPath|path)\b\}?\s*\|\|\s*'%'/i,
];
const scopesByHand = (text: string) => SCOPE_BY_HAND.some((re) => re.test(text));

/**
 * Known hand-written scopes left, each with its reason; remove an entry when its file moves to scoped().
 * The list only shrinks: a file not on it fails, and so does an entry whose file is clean.
 */
const SCOPE_EXCEPTIONS: Record<string, string> = {
  'src/server/modules/org/org.repository.ts':
    'the unit move rewrites a subtree’s paths (an update, not a read scope)',
  'src/server/modules/activities/activities.indicators.ts':
    'campaign labels: to move to scoped()/scopedAbove()',
  'src/server/modules/activities/activities.service.ts': 'campaigns handed down: to move to scopedAbove()',
  'src/server/modules/activities/patrols.repository.ts': 'patrol tasks handed down: to move to scopedAbove()',
  'src/server/modules/reports/report-definitions.service.ts':
    'definitions handed down: to move to scopedAbove()',
};

describe('the kernel dialect', () => {
  it('only kernel/audit writes audit rows; every other module goes through recordAudit/recordAuditRows', () => {
    const writers = sources(ROOT).filter(
      (f) => !f.startsWith(path.join(ROOT, 'kernel', 'audit')) && AUDIT_WRITES.test(code(f)),
    );
    expect(writers).toEqual([]);
  });

  it('no module writes an org-path scope by hand: scoped() / scopedAbove() from kernel/access', () => {
    const byHand = sources(MODULES).filter((f) => scopesByHand(code(f)));
    expect(byHand.filter((f) => !Object.hasOwn(SCOPE_EXCEPTIONS, f))).toEqual([]);
    expect(Object.keys(SCOPE_EXCEPTIONS).filter((f) => !byHand.includes(f))).toEqual([]);
  });

  it('the checks see what they forbid (they can fail)', () => {
    expect(AUDIT_WRITES.test('await tx.insert(auditLog).values(row)')).toBe(true);
    expect(AUDIT_WRITES.test('await bulkInsert(tx, auditLog, rows)')).toBe(true);
    expect(AUDIT_WRITES.test("sql`insert into audit_log (module) values ('x')`")).toBe(true);
    expect(AUDIT_WRITES.test('await recordAuditRows(tx, rows)')).toBe(false);

    expect(scopesByHand('sql`select 1 from t where org_path like ${`${p}%`}`')).toBe(true);
    expect(scopesByHand('sql`where i.org_path like ${`${p}%`}`')).toBe(true);
    expect(scopesByHand('sql`where path like ${`${p}%`} and deleted_at is null`')).toBe(true);
    expect(scopesByHand('sql`${sql.identifier(c)} like ${p}` // path')).toBe(false);
    expect(scopesByHand('sql`${sql.raw(column)} like ${`${path}%`}`')).toBe(true);
    expect(scopesByHand('sql`g.name like ${`%${q.q}%`}`')).toBe(false);
    expect(scopesByHand('sql`${households.orgPath} like ${`${p}%`}`')).toBe(true);
    expect(scopesByHand('like(households.orgPath, `${p}%`)')).toBe(true);
    expect(scopesByHand("sql`${p} like r.org_path || '%'`")).toBe(true);
    expect(scopesByHand("sql`${p} like ${campaigns.orgPath} || '%'`")).toBe(true);
    expect(scopesByHand("sql`${scoped('i.org_path', p)} and ${scopedAbove('r.org_path', p)}`")).toBe(false);
    expect(scopesByHand('sql`h.address ilike ${likeEscape(q)}`')).toBe(false);
  });
});
