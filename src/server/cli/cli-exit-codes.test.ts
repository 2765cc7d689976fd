import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../test/processes';
import { createTestApp, seedOrg } from '../test/test-app';

/*
 * Every command exits non-zero when it fails, with the reason on stderr: a nightly `npm run backup` that
 * fails but exits 0 is a lost backup nobody hears about.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let databaseUrl: string;
let work: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrg(t.db);
  // The test database's URL, as an operator would give it in DATABASE_URL.
  const opts = t.db.$client.options;
  databaseUrl = `postgres://${opts.user ?? 'postgres'}:${encodeURIComponent(String(opts.password ?? ''))}@${opts.host}:${opts.port}/${opts.database}`;
  if (opts.connectionString) databaseUrl = opts.connectionString;
  work = mkdtempSync(path.join(tmpdir(), 'bbt-cli-exit-'));
  chmodSync(work, 0o755);
});

afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('CLI commands exit non-zero when they fail', () => {
  it('migrate against an unreachable DATABASE_URL', async () => {
    const r = await runMain(['migrate'], {
      DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/banbiantian',
      BBT_DATA_DIR: work,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('无法连接数据库 127.0.0.1:1');
    expect(r.stderr).toContain('ECONNREFUSED');
  }, 60_000);

  it('backup into a path that cannot be written', async () => {
    const r = await runMain(['backup', '--out', '/dev/null/nightly.dump'], {
      DATABASE_URL: databaseUrl,
      BBT_DATA_DIR: work,
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('无法写入备份文件 /dev/null/nightly.dump（ENOTDIR）');
  }, 120_000);

  it('restore of a corrupt file', async () => {
    const file = path.join(work, 'corrupt.dump');
    writeFileSync(file, 'PGDMP but not really a dump');
    const r = await runMain(['restore', file, '--yes'], { DATABASE_URL: databaseUrl, BBT_DATA_DIR: work });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().length).toBeGreaterThan(0);
  }, 120_000);

  it('import of a sheet the checks refuse', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('阵地').addRow(['这不是模板的表头']);
    const file = path.join(work, 'refused.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await runMain(['import', 'sites', file, '--as', 'county'], {
      DATABASE_URL: databaseUrl,
      BBT_DATA_DIR: work,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('导入失败');
  }, 120_000);

  it('import --preview says what it would do, writes nothing and exits 0', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('阵地');
    ws.addRow(['阵地名称', '阵地类型', '所属组织']);
    ws.addRow(['甲一村预览之家', '妇女之家', '甲一村']);
    const file = path.join(work, 'preview.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const count = async () =>
      (await t.db.$client.query("select count(*)::int as n from sites where name = '甲一村预览之家'")).rows[0]
        .n;
    const r = await runMain(['import', 'sites', file, '--as', 'county', '--preview'], {
      DATABASE_URL: databaseUrl,
      BBT_DATA_DIR: work,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('预览（未写入）：将新增 1');
    expect(await count()).toBe(0);
  }, 120_000);

  it('an unknown command is a usage error (2); an export that works exits 0', async () => {
    expect((await runMain(['frobnicate'], { BBT_DATA_DIR: work })).code).toBe(2);
    const out = path.join(work, 'sites.xlsx');
    const r = await runMain(['export', 'sites', out, '--as', 'county'], {
      DATABASE_URL: databaseUrl,
      BBT_DATA_DIR: work,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已导出');
  }, 120_000);
});
