import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';
import { uuidv7 } from '../db/ids';
import { importJobs } from './import-jobs.table';
import { failStaleImportJobs, STALE_IMPORT_MESSAGE } from './import-runner';
import { bombEntry, buildZip, deflatedEntry, sheetWorkbook, workbookParts } from './zip-fixtures';
import { zipMessages } from './zip-guard';

const MiB = 1024 * 1024;

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
});
afterAll(() => t.close());

const importUrl = () => `/api/v1/people/persons/import?wait=1&orgUnitId=${org.units.villageA1.id}`;
const upload = (file: Buffer, filename = '人员.xlsx') => uploadFile(t.app, town, importUrl(), file, filename);
const jobCount = async () => (await t.db.select({ id: importJobs.id }).from(importJobs)).length;

const bomb = async (declared?: number) =>
  buildZip([...(await workbookParts()), bombEntry('xl/worksheets/sheet1.xml', 2_800, declared)]);

describe('hostile uploads to an import route', () => {
  it('a 2.8 GB bomb whose headers claim 1 KB is answered 400 at once, and no job is made', async () => {
    const before = await jobCount();
    const res = await upload(await bomb());
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'BAD_REQUEST', message: zipMessages.lies } });
    expect(await jobCount()).toBe(before);
  });

  it('a sheet of 1,000,001 rows is answered 413 with the row limit', async () => {
    const res = await upload(await sheetWorkbook(1_000_001));
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '工作表超过 50000 行，已拒绝，请拆分后分批导入',
    });
  }, 60_000);

  it('five hostile files at once: each refused with a 4xx, memory stays bounded, the server still answers', async () => {
    const inner = buildZip([await deflatedEntry('a.txt', ['hello'])]);
    const nested = buildZip([
      ...(await workbookParts()),
      await deflatedEntry('xl/embeddings/a.xlsx', [inner]),
    ]);
    const honest = await sheetWorkbook(2_000, 2);
    const files = [
      await bomb(),
      await bomb(99 * MiB),
      await sheetWorkbook(200_000),
      nested,
      honest.subarray(0, honest.length - 100),
    ];
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const answers = await Promise.all(files.map((f, i) => upload(f, `hostile-${i}.xlsx`)));
    clearInterval(timer);
    expect(answers.map((r) => r.statusCode)).toEqual([400, 400, 413, 400, 400]);
    expect(answers.map((r) => r.json().error.message)).toEqual([
      zipMessages.lies,
      zipMessages.lies,
      '工作表超过 50000 行，已拒绝，请拆分后分批导入',
      zipMessages.nested,
      zipMessages.corrupt,
    ]);
    // Unguarded, the first file alone took the process past 2 GB; the test app runs in this process.
    expect(peak - before).toBeLessThan(200 * MiB);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  }, 60_000);

  it('a CSV of nine million line breaks ends as a failed job saying why, not a 500', async () => {
    const res = await upload(Buffer.alloc(9 * MiB, 0x0a), '人员.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'failed', message: expect.stringContaining('超过 50000 行') });
  });

  it('an honest workbook still imports', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员信息');
    ws.addRow(['姓名', '出生日期']);
    ws.addRow(['林秀珍', '1982-03-04']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', counts: { created: 1 } });
  });
});

describe('failStaleImportJobs', () => {
  it('marks jobs a dead process left running or pending as failed, with a reason, and leaves finished ones', async () => {
    const job = (status: string, phase: string | null) => ({
      id: uuidv7(),
      userId: org.userIds.townA,
      ledger: 'persons',
      filename: '人员.xlsx',
      status,
      phase,
    });
    const running = job('running', 'committing');
    const pending = job('pending', 'reading');
    const done = job('succeeded', null);
    await t.db.insert(importJobs).values([running, pending, done]);
    expect(await failStaleImportJobs(t.db)).toBeGreaterThanOrEqual(2);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/io/jobs/${running.id}`,
      headers: { cookie: town.cookie },
    });
    expect(res.json()).toMatchObject({ status: 'failed', phase: null, message: STALE_IMPORT_MESSAGE });
    expect(res.json().finishedAt).toEqual(expect.any(String));
    const [p] = await t.db.select().from(importJobs).where(eq(importJobs.id, pending.id));
    expect(p.status).toBe('failed');
    const [d] = await t.db.select().from(importJobs).where(eq(importJobs.id, done.id));
    expect(d).toMatchObject({ status: 'succeeded', result: null });
    expect(await failStaleImportJobs(t.db)).toBe(0);
  });
});
