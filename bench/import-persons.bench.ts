// Import of a 10,000-row person sheet through kernel/io (parse → validate all → one transaction),
// against a bare `insert … select from unnest(…)` of the same prepared rows. Also an export of
// 100,000 persons: time and peak RSS. Run: npx tsx bench/import-persons.bench.ts
import { createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { checkCharOf, maskIdNumber } from '../src/contracts/common/id-number';
import { createImportJob, runImport } from '../src/server/kernel/io/import-runner';
import { writeXlsx } from '../src/server/kernel/io/xlsx-export';
import { personsIo } from '../src/server/modules/people/persons.io';
import { pinyinKey } from '../src/server/modules/people/pinyin';
import { benchDatabase, median } from './bench-db';

const ROWS = Number(process.env.ROWS ?? 10_000);
const EXPORT_ROWS = Number(process.env.EXPORT_ROWS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);

const sheetOf = async (n: number, seed: number) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员信息');
  ws.addRow(['姓名', '性别', '身份证号码', '联系电话', '所属村（社区）', '家庭住址', '门牌号', '人员类别']);
  const villages = ['东岭村', '西坪村', '南塘村', '北山村', '石桥村', '柳湾村'];
  for (let i = 0; i < n; i++) {
    const y = 1950 + (Math.floor(i / 336) % 50);
    const m = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    const d = String(1 + (i % 28)).padStart(2, '0');
    const first17 = `339902${y}${m}${d}${String(Math.floor(i / 16800) + seed * 10).padStart(3, '0')}`;
    const idNumber = first17 + checkCharOf(first17);
    ws.addRow([
      `${'王李张刘陈杨黄赵吴周'[i % 10]}${'秀英兰梅芳娟燕霞红玲'[Math.floor(i / 10) % 10]}${'华珍萍丽敏静'[Math.floor(i / 100) % 6]}`,
      Number(first17[16]) % 2 ? '男' : '女',
      idNumber,
      `139${String(i).padStart(8, '0')}`,
      villages[i % villages.length],
      `基准路${Math.floor(i / 3)}`,
      `${i % 3}号`,
      i % 7 === 0 ? '留守妇女' : '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const main = async () => {
  const b = await benchDatabase();
  try {
    const ctx = await b.ctxFor('town');
    const importTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const file = await sheetOf(ROWS, run + 1);
      const job = await createImportJob(ctx, personsIo, 'bench.xlsx');
      const t0 = performance.now();
      const result = await runImport(ctx, personsIo, job.id, file, 'bench.xlsx', {});
      importTimes.push(performance.now() - t0);
      if (result.status !== 'succeeded')
        throw new Error(`import failed: ${result.message} ${JSON.stringify(result.issues.slice(0, 3))}`);
      // The bare-SQL equivalent: the same number of rows, values prepared in JS, one unnest insert.
      const ids = Array.from(
        { length: ROWS },
        (_, i) => `00000000-0000-7000-8000-${String(run * ROWS + i).padStart(12, '0')}`,
      );
      const names = ids.map((_, i) => `基准${i}`);
      const t1 = performance.now();
      await b.db.execute(sql`insert into persons (id, org_unit_id, org_path, name, name_pinyin, id_number_cipher, id_number_index, id_number_masked)
        select id, ${ctx.actor.orgUnitId}::uuid, ${ctx.actor.orgPath}, name, name, name, name || ${String(run)}, name
        from unnest(${`{${ids.join(',')}}`}::uuid[], ${`{${names.join(',')}}`}::text[]) as t(id, name)`);
      bareTimes.push(performance.now() - t1);
    }
    const mi = median(importTimes);
    const mb = median(bareTimes);
    console.log(
      `import ${ROWS} rows: median ${mi.toFixed(0)} ms → ${((ROWS / mi) * 1000).toFixed(0)} rows/s (validated + committed, incl. reading the .xlsx)`,
    );
    console.log(
      `bare unnest insert of ${ROWS} rows: median ${mb.toFixed(0)} ms; ratio ${(mi / mb).toFixed(1)}×`,
    );

    // Export: fill to EXPORT_ROWS persons in the town, then stream them to a file.
    const { rows } = await b.db.$client.query('select count(*)::int as n from persons');
    const missing = Math.max(0, EXPORT_ROWS - rows[0].n);
    const masked = maskIdNumber('339901199001010000');
    await b.db.$client.query(
      `insert into persons (id, org_unit_id, org_path, name, name_pinyin, id_number_masked, phone_masked)
       select ('00000000-0000-7000-9000-' || lpad(g::text, 12, '0'))::uuid, $1, $2, '导出' || g, $3, $4, '139****0000'
       from generate_series(1, $5) g`,
      [ctx.actor.orgUnitId, ctx.actor.orgPath, pinyinKey('导出'), masked, missing],
    );
    const out = path.join(tmpdir(), 'bbt-bench-export.xlsx');
    let peak = process.memoryUsage().rss;
    const base = peak;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const stream = createWriteStream(out);
    const done = new Promise<void>((resolve) => stream.on('finish', () => resolve()));
    const q = personsIo.exportQuerySchema.parse({}) as never;
    const t2 = performance.now();
    await writeXlsx(stream, {
      sheetName: '人员信息',
      columns: await personsIo.exportColumns(ctx, q),
      rows: await personsIo.exportRows(ctx, q),
    });
    await done;
    const te = performance.now() - t2;
    clearInterval(timer);
    console.log(
      `export ${EXPORT_ROWS} rows: ${(te / 1000).toFixed(1)} s, RSS before ${(base / 1048576).toFixed(0)} MiB, peak ${(peak / 1048576).toFixed(0)} MiB (+${((peak - base) / 1048576).toFixed(0)} MiB)`,
    );
    rmSync(out, { force: true });
  } finally {
    await b.close();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
