// Memory and speed of one legitimate persons import at the row limit (50,000 rows): the peak RSS of
// reading the sheet alone, then of the whole import (read → validate → commit). The budget is a peak
// below 512 MiB for any single file. Run: npx tsx --expose-gc bench/import-memory.bench.ts
// (ROWS=… to change the rows, RUNS=… the runs; each figure is the median of the runs).
// The file is written by one process and each step measured in a fresh one: writing 50,000 rows with
// exceljs leaves a heap the import's RSS would otherwise be measured on top of. The database (migrated,
// demo county loaded) is prepared once by this process too, and each import run gets a fresh copy of
// it (CREATE DATABASE … TEMPLATE): seeding in the measured process left ~130–240 MiB of freed malloc
// arenas in its RSS, a baseline a server answering an import does not carry.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { checkCharOf } from '../src/contracts/common/id-number';
import { permissionsOf, type Role } from '../src/contracts/common/permissions';
import type { OrgKind } from '../src/contracts/org';
import { seedDemo } from '../src/server/demo/seed-demo';
import type { Actor } from '../src/server/kernel/access/actor';
import { createDb, runMigrations } from '../src/server/kernel/db/connection';
import { startEmbeddedPostgres } from '../src/server/kernel/db/embedded';
import { createImportJob, runImport } from '../src/server/kernel/io/import-runner';
import { readSheetRows } from '../src/server/kernel/io/workbook';
import { createFieldCrypto } from '../src/server/kernel/privacy/field-crypto';
import { personsIo } from '../src/server/modules/people/persons.io';
import { findUserByUsername } from '../src/server/modules/users/users.repository';
import { median } from './bench-db';

const ROWS = Number(process.env.ROWS ?? 50_000);
const RUNS = Number(process.env.RUNS ?? 3);
const MiB = 1048576;

const sheetOf = async (n: number) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员信息');
  ws.addRow(['姓名', '性别', '身份证号码', '联系电话', '所属村（社区）', '家庭住址', '门牌号', '人员类别']);
  const villages = ['东岭村', '西坪村', '南塘村', '北山村', '石桥村', '柳湾村'];
  for (let i = 0; i < n; i++) {
    const y = 1950 + (Math.floor(i / 336) % 50);
    const m = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    const d = String(1 + (i % 28)).padStart(2, '0');
    const first17 = `339902${y}${m}${d}${String(Math.floor(i / 16800) + 70).padStart(3, '0')}`;
    ws.addRow([
      `${'王李张刘陈杨黄赵吴周'[i % 10]}${'秀英兰梅芳娟燕霞红玲'[Math.floor(i / 10) % 10]}${'华珍萍丽敏静'[Math.floor(i / 100) % 6]}`,
      Number(first17[16]) % 2 ? '男' : '女',
      first17 + checkCharOf(first17),
      `139${String(i).padStart(8, '0')}`,
      villages[i % villages.length],
      `基准路${Math.floor(i / 3)}`,
      `${i % 3}号`,
      i % 7 === 0 ? '留守妇女' : '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/** Runs `f`, sampling RSS every 10 ms: its duration, the RSS before and the peak during. */
const measured = async <T>(f: () => Promise<T>) => {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const t0 = performance.now();
  const value = await f();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, ms, before, peak };
};

const line = (what: string, m: { ms: number; before: number; peak: number }) =>
  `${what}: ${(m.ms / 1000).toFixed(1)} s (${((ROWS / m.ms) * 1000).toFixed(0)} rows/s), RSS before ${(m.before / MiB).toFixed(0)} MiB, peak ${(m.peak / MiB).toFixed(0)} MiB (+${((m.peak - m.before) / MiB).toFixed(0)} MiB)`;

/** The town cadre the import runs as, in the database at `url` (no seeding in the measured process). */
const townContext = async (url: string) => {
  const db = createDb(url, () => {});
  const found = await findUserByUsername(db, 'town');
  if (!found) throw new Error('no user town');
  const role = found.user.role as Role;
  const actor: Actor = {
    userId: found.user.id,
    username: 'town',
    displayName: found.user.displayName,
    role,
    orgUnitId: found.user.orgUnitId,
    orgPath: found.orgPath,
    permissions: new Set(permissionsOf(role, found.orgKind as OrgKind)),
    ip: 'bench',
  };
  const crypto = createFieldCrypto(process.env.BENCH_KEY as string);
  return { ctx: { db, crypto, actor }, close: () => db.$client.end() };
};

/** One step in this (fresh) process; its figures as one JSON line for the parent. */
const measure = async (filePath: string, step: string) => {
  const file = readFileSync(filePath);
  if (step === 'read') {
    const m = await measured(() => readSheetRows(file, 'bench.xlsx'));
    if (m.value.length !== ROWS + 1) throw new Error(`read ${m.value.length} rows`);
    console.log(JSON.stringify({ ...m, value: undefined }));
    return;
  }
  const { ctx, close } = await townContext(process.env.BENCH_DB_URL as string);
  try {
    const job = await createImportJob(ctx, personsIo, 'bench.xlsx');
    const run = await measured(() => runImport(ctx, personsIo, job.id, file, 'bench.xlsx', {}));
    if (run.value.status !== 'succeeded') throw new Error(`import failed: ${run.value.message}`);
    if (run.value.counts?.created !== ROWS) throw new Error(`created ${run.value.counts?.created}`);
    console.log(JSON.stringify({ ...run, value: undefined }));
  } finally {
    await close();
  }
};

type Figures = { ms: number; before: number; peak: number };

const main = async () => {
  if (process.env.BENCH_FILE) return measure(process.env.BENCH_FILE, process.env.BENCH_STEP ?? 'import');
  const file = await sheetOf(ROWS);
  const filePath = path.join(tmpdir(), `bbt-bench-import-${process.pid}.xlsx`);
  writeFileSync(filePath, file);
  console.log(`file: ${ROWS} rows, ${(file.length / MiB).toFixed(1)} MiB; ${RUNS} runs of each step`);
  const dir = mkdtempSync(path.join(tmpdir(), 'bbt-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), 'bench-password');
  const admin = createDb(pg.url('postgres'), () => {}, 1);
  const key = randomBytes(32).toString('base64');
  try {
    await admin.$client.query('create database bench_seed');
    const seed = createDb(pg.url('bench_seed'), () => {});
    await runMigrations(seed);
    await seedDemo(seed, createFieldCrypto(key));
    await seed.$client.end();
    // Each step in a fresh process, so none is measured on another's leftovers.
    const child = (step: string, env: Record<string, string> = {}): Figures => {
      const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
        env: { ...process.env, ...env, BENCH_FILE: filePath, BENCH_STEP: step, BENCH_KEY: key },
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`${step} failed: ${run.stdout}`);
      return JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
    };
    const report = (what: string, runs: Figures[]) => {
      for (const [i, r] of runs.entries()) console.log(`  run ${i + 1}: ${line(what, r)}`);
      const m = {
        ms: median(runs.map((r) => r.ms)),
        before: median(runs.map((r) => r.before)),
        peak: median(runs.map((r) => r.peak)),
      };
      console.log(`${line(`${what} (median)`, m)}`);
    };
    const reads: Figures[] = [];
    for (let i = 0; i < RUNS; i++) reads.push(child('read'));
    report('read the sheet', reads);
    const imports: Figures[] = [];
    for (let i = 0; i < RUNS; i++) {
      await admin.$client.query(`create database bench_run_${i} template bench_seed`);
      imports.push(child('import', { BENCH_DB_URL: pg.url(`bench_run_${i}`) }));
    }
    report('whole import', imports);
  } finally {
    await admin.$client.end();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(filePath, { force: true });
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
