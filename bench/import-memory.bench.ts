// Memory and speed of one legitimate persons import at the row limit (50,000 rows): the peak RSS of
// reading the sheet, of reading and validating it, then of the whole import (read → validate → commit).
// The budget is a peak below 512 MiB for any single file (issue 12; its test:
// src/server/modules/people/persons-import-memory.api.test.ts).
// Run: npx tsx bench/import-memory.bench.ts (ROWS=… to change the rows, RUNS=… the runs; each figure
// is the median of the runs).
// Each step runs in a fresh process (src/server/test/import-memory.child.ts) that only connects and
// imports: the file is written here (writing 50,000 rows with exceljs leaves a heap the import would
// otherwise be measured on top of), and the database (migrated, demo county loaded) is prepared here
// once, each import run getting a fresh copy of it (CREATE DATABASE … TEMPLATE). Seeding in the
// measured process, as this bench once did, left 130–240 MiB of freed allocations in its RSS before
// the import began, a baseline a server answering an import does not carry.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemo } from '../src/server/demo/seed-demo';
import { createDb, runMigrations } from '../src/server/kernel/db/connection';
import { startEmbeddedPostgres } from '../src/server/kernel/db/embedded';
import { createFieldCrypto } from '../src/server/kernel/privacy/field-crypto';
import {
  IMPORT_RSS_BUDGET,
  type MemoryStep,
  measureInChild,
  personsSheetOf,
  type StepFigures,
} from '../src/server/test/import-memory';
import { median } from './bench-db';

const ROWS = Number(process.env.ROWS ?? 50_000);
const RUNS = Number(process.env.RUNS ?? 3);
const MiB = 1048576;
const DEMO_VILLAGES = ['东岭村', '西坪村', '南塘村', '北山村', '石桥村', '柳湾村'];

const line = (what: string, m: Omit<StepFigures, 'rows'>) =>
  `${what}: ${(m.ms / 1000).toFixed(1)} s (${((ROWS / m.ms) * 1000).toFixed(0)} rows/s), RSS before ${(m.before / MiB).toFixed(0)} MiB, peak ${(m.peak / MiB).toFixed(0)} MiB (+${((m.peak - m.before) / MiB).toFixed(0)} MiB)`;

const report = (what: string, runs: StepFigures[]) => {
  for (const [i, r] of runs.entries()) console.log(`  run ${i + 1}: ${line(what, r)}`);
  const m = {
    ms: median(runs.map((r) => r.ms)),
    before: median(runs.map((r) => r.before)),
    peak: median(runs.map((r) => r.peak)),
  };
  console.log(line(`${what} (median of ${runs.length})`, m));
  return m;
};

const main = async () => {
  const file = await personsSheetOf(ROWS, DEMO_VILLAGES);
  const dir = mkdtempSync(path.join(tmpdir(), 'bbt-bench-'));
  chmodSync(dir, 0o755);
  const filePath = path.join(dir, 'persons.xlsx');
  writeFileSync(filePath, file);
  console.log(`file: ${ROWS} rows, ${(file.length / MiB).toFixed(1)} MiB; ${RUNS} runs of each step`);
  const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), 'bench-password');
  const admin = createDb(pg.url('postgres'), () => {}, 1);
  try {
    await admin.$client.query('create database bench_seed');
    const seed = createDb(pg.url('bench_seed'), () => {});
    await runMigrations(seed);
    await seedDemo(seed, createFieldCrypto(randomBytes(32).toString('base64')));
    await seed.$client.end();
    const steps: [MemoryStep, string][] = [
      ['read', 'read the sheet'],
      ['validate', 'read + validate'],
      ['import', 'whole import'],
    ];
    let whole: Omit<StepFigures, 'rows'> | undefined;
    for (const [step, what] of steps) {
      const runs: StepFigures[] = [];
      for (let i = 0; i < RUNS; i++) {
        let dbUrl: string | undefined;
        if (step === 'import') {
          await admin.$client.query(`create database bench_run_${i} template bench_seed`);
          dbUrl = pg.url(`bench_run_${i}`);
        }
        const r = await measureInChild({ file: filePath, step, dbUrl, username: 'town' });
        // Read rows count the header too.
        const expected = step === 'read' ? ROWS + 1 : ROWS;
        if (r.rows !== expected) throw new Error(`${step}: ${r.rows} rows, not ${expected}`);
        runs.push(r);
      }
      const m = report(what, runs);
      if (step === 'import') whole = m;
    }
    if (whole) {
      const within = whole.peak < IMPORT_RSS_BUDGET;
      console.log(
        `budget ${IMPORT_RSS_BUDGET / MiB} MiB: ${within ? 'within' : 'OVER'} (${((IMPORT_RSS_BUDGET - whole.peak) / MiB).toFixed(0)} MiB to spare)`,
      );
    }
  } finally {
    await admin.$client.end();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
