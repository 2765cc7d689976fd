import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../../kernel/io/workbook';
import { IMPORT_RSS_BUDGET, measureInChild, personsSheetOf } from '../../test/import-memory';
import { createTestApp, seedOrg } from '../../test/test-app';

// Issue 12, "Bounded input": an import runs within a memory budget (peak RSS < 512 MB for any single
// file). A legitimate persons sheet at the row limit, imported whole (read → validate → commit in one
// transaction), in a fresh process of its own so only the import is measured (see bench/import-memory).

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let dir: string;
let file: string;
const MiB = 1048576;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  dir = mkdtempSync(path.join(tmpdir(), 'bbt-import-memory-'));
  file = path.join(dir, '人员信息.xlsx');
  writeFileSync(file, await personsSheetOf(MAX_IMPORT_ROWS, ['']));
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the memory of a persons import at the row limit', () => {
  it(`imports ${MAX_IMPORT_ROWS} rows whole, peaking below ${IMPORT_RSS_BUDGET / MiB} MiB RSS`, async () => {
    const run = await measureInChild({
      file,
      step: 'import',
      dbUrl: t.ownerUrl,
      username: 'townA',
      orgUnitId: org.units.villageA1.id,
    });
    expect(run.rows).toBe(MAX_IMPORT_ROWS);
    const { rows } = await t.db.$client.query(
      'select count(*)::int as n from persons where org_unit_id = $1',
      [org.units.villageA1.id],
    );
    expect(rows[0].n).toBe(MAX_IMPORT_ROWS);
    expect(
      run.peak,
      `peak ${(run.peak / MiB).toFixed(0)} MiB (from ${(run.before / MiB).toFixed(0)} MiB)`,
    ).toBeLessThan(IMPORT_RSS_BUDGET);
  }, 120_000);
});
