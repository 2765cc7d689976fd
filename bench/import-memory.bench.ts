// Memory and speed of one legitimate persons import at the row limit (50,000 rows): the peak RSS of
// reading the sheet alone, then of the whole import (read → validate → commit). The budget is a peak
// below 512 MiB for any single file. Run: npx tsx bench/import-memory.bench.ts (ROWS=… to change).
// The file is written by one process and imported by a fresh one: writing 50,000 rows with exceljs
// leaves a heap the import's RSS would otherwise be measured on top of.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { checkCharOf } from '../src/contracts/common/id-number';
import { createImportJob, runImport } from '../src/server/kernel/io/import-runner';
import { readSheetRows } from '../src/server/kernel/io/workbook';
import { personsIo } from '../src/server/modules/people/persons.io';
import { benchDatabase } from './bench-db';

const ROWS = Number(process.env.ROWS ?? 50_000);
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

const measure = async (filePath: string, step: string) => {
  const file = readFileSync(filePath);
  const b = await benchDatabase();
  try {
    const ctx = await b.ctxFor('town');
    if (step === 'read') {
      console.log(`file: ${ROWS} rows, ${(file.length / MiB).toFixed(1)} MiB`);
      console.log(line('read the sheet', await measured(() => readSheetRows(file, 'bench.xlsx'))));
      return;
    }
    const job = await createImportJob(ctx, personsIo, 'bench.xlsx');
    const run = await measured(() => runImport(ctx, personsIo, job.id, file, 'bench.xlsx', {}));
    if (run.value.status !== 'succeeded') throw new Error(`import failed: ${run.value.message}`);
    console.log(line('whole import', run));
  } finally {
    await b.close();
  }
};

const main = async () => {
  if (process.env.BENCH_FILE) return measure(process.env.BENCH_FILE, process.env.BENCH_STEP ?? 'import');
  const filePath = path.join(tmpdir(), `bbt-bench-import-${process.pid}.xlsx`);
  writeFileSync(filePath, await sheetOf(ROWS));
  try {
    // Each step in a fresh process, so neither is measured on the other's leftovers.
    for (const step of ['read', 'import']) {
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
        env: { ...process.env, BENCH_FILE: filePath, BENCH_STEP: step },
        stdio: 'inherit',
      });
      if (child.status !== 0) process.exitCode = child.status ?? 1;
    }
  } finally {
    rmSync(filePath, { force: true });
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
