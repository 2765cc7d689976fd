import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer, waitFor } from '../../test/processes';
import { findFreePort } from '../db/embedded';

/*
 * kill -9 of the server in the middle of an import, then the same start command again (what systemd's
 * Restart=always does): the server comes back on the same data, the import is all or nothing, and its job
 * says it failed instead of "running" forever.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'bbt-import-crash-'));
chmodSync(dir, 0o755);
let server: ChildProcess | undefined;

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

const start = (port: number) => {
  const child = spawnServer({ BBT_DATA_DIR: dir, BBT_DEMO: '1', PORT: String(port) }, { isEmbedded: true });
  server = child;
  return child;
};

type Session = { cookie: string; csrf: string };

const signIn = async (base: string): Promise<Session> => {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'town', password: 'Banbiantian2026' }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
};

const get = async (base: string, s: Session, url: string) =>
  fetch(`${base}${url}`, { headers: { cookie: s.cookie } }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as Record<string, unknown>,
  }));

/** A persons sheet of `n` fictional women, in the template's own columns. */
const personsSheet = async (base: string, s: Session, n: number) => {
  const template = new ExcelJS.Workbook();
  const res = await fetch(`${base}/api/v1/people/persons/template`, { headers: { cookie: s.cookie } });
  await template.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
  const header = (template.worksheets[0].getRow(1).values as string[]).slice(1);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员信息');
  sheet.addRow(header);
  const nameCol = header.indexOf('姓名*');
  const genderCol = header.indexOf('性别');
  for (let i = 0; i < n; i++) {
    const row: string[] = [];
    row[nameCol] = `断电测试${i}`;
    row[genderCol] = '女';
    sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

describe('a server killed mid-import', () => {
  it('comes back with the same command; the import is all or nothing and its job says it failed', async () => {
    const port = await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    const healthy = () =>
      fetch(`${base}/api/health`).then(
        (r) => (r.status === 200 ? true : undefined),
        () => undefined,
      );
    const first = start(port);
    await waitFor('first start (demo data)', healthy, 180_000);
    const session = await signIn(base);
    const countPersons = async () =>
      (await get(base, session, '/api/v1/people/persons?pageSize=1&q=断电测试')).body.total as number;
    expect(await countPersons()).toBe(0);

    const file = await personsSheet(base, session, 20_000);
    const boundary = `----bbt${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.xlsx"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await fetch(`${base}/api/v1/people/persons/import`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
    });
    expect(upload.status, await upload.clone().text()).toBeLessThan(300);
    const job = (await upload.json()) as { id: string };
    // Killed as late as we can see it: while it commits if we catch that, else while it validates.
    await waitFor(
      'the import under way',
      async () => {
        const j = await get(base, session, `/api/v1/io/jobs/${job.id}`);
        return j.body.phase === 'committing' || j.body.phase === 'validating' ? true : undefined;
      },
      120_000,
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    start(port);
    await waitFor('restart after kill -9', healthy, 120_000);
    const again = await signIn(base);
    const after = await get(base, again, `/api/v1/io/jobs/${job.id}`);
    const persons = (await get(base, again, '/api/v1/people/persons?pageSize=1&q=断电测试')).body.total;
    // All or nothing, and the job tells which: killed before its commit, or (rarely) just after it.
    if (after.body.status === 'succeeded') expect(persons).toBe(20_000);
    else {
      expect(after.body.status).toBe('failed');
      expect(JSON.stringify(after.body)).toContain('服务重启，导入未完成');
      expect(persons).toBe(0);
    }
  }, 480_000);
});
