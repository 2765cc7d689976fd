import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { runMain, spawnServer, waitFor } from '../../test/processes';
import { createDb, runMigrations } from './connection';
import { dataDirOwner } from './data-dir-lock';
import { findFreePort, runningPostmaster, startEmbeddedPostgres } from './embedded';
import { embeddedPgDir, provisionDatabase } from './provision';

/*
 * The embedded PostgreSQL's life beside the server: one owner per data directory, what a killed server
 * leaves behind reclaimed at the next start, and a crashed PostgreSQL started again by the server while
 * requests get 503 + Retry-After (issue "honest exit codes" 4, "survive faults" 2–3).
 */

const dirs: string[] = [];
const newDataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bbt-embedded-test-'));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter the directory.
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const healthy = async (url: string) => (await fetch(url).catch(() => undefined))?.status === 200;

describe('one process owns a data directory', () => {
  it('a second start on a directory in use exits 1 naming the directory and the process', async () => {
    const dir = newDataDir();
    const config = loadConfig({ BBT_DATA_DIR: dir, BBT_DEMO: '0' });
    const held = await provisionDatabase(config, { command: 'serve' });
    try {
      const second = await runMain(['migrate'], { BBT_DATA_DIR: dir }, { isEmbedded: true });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(dir);
      expect(second.stderr).toContain(`进程 ${process.pid}`);
      expect(second.stderr).toContain(`in use by process ${process.pid}`);
      // The holder's PostgreSQL was not touched.
      expect(runningPostmaster(embeddedPgDir(config))).toBeDefined();
    } finally {
      await held.stop();
    }
    expect(dataDirOwner(dir)).toBeUndefined();
    expect(existsSync(path.join(dir, 'server.pid'))).toBe(false);
  }, 120_000);

  it('after kill -9 of the server, the same start command reclaims its PostgreSQL with nothing lost', async () => {
    const dir = newDataDir();
    const port = await findFreePort();
    const server = spawnServer({ BBT_DATA_DIR: dir, PORT: String(port) }, { isEmbedded: true });
    const health = `http://127.0.0.1:${port}/api/health`;
    await waitFor('first start', () => healthy(health), 90_000);
    const config = loadConfig({ BBT_DATA_DIR: dir, BBT_DEMO: '0' });
    const orphan = runningPostmaster(embeddedPgDir(config));
    expect(orphan).toBeDefined();
    const url = `postgres://postgres:${encodeURIComponent(config.secrets.pgPassword)}@127.0.0.1:${orphan?.port}/banbiantian`;
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    await client.query('create table kept (id int primary key)');
    await client.query('insert into kept select generate_series(1, 1000)');
    await client.end();

    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    // What kill -9 leaves: the lock names a dead process, and PostgreSQL still runs.
    expect(runningPostmaster(embeddedPgDir(config))?.pid).toBe(orphan?.pid);
    expect(dataDirOwner(dir)).toBeUndefined();

    const again = await runMain(['migrate'], { BBT_DATA_DIR: dir }, { isEmbedded: true });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`遗留的 PostgreSQL（进程 ${orphan?.pid}）`);
    expect(runningPostmaster(embeddedPgDir(config))).toBeUndefined();

    const restarted = await provisionDatabase(config, { command: 'test' });
    try {
      const c = new pg.Client({ connectionString: restarted.url });
      await c.connect();
      const { rows } = await c.query('select count(*)::int as n from kept');
      await c.end();
      expect(rows[0].n).toBe(1000);
    } finally {
      await restarted.stop();
    }
  }, 240_000);
});

describe('the server survives its PostgreSQL', () => {
  let dir: string;
  let database: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  const events: string[] = [];

  beforeAll(async () => {
    dir = newDataDir();
    database = await startEmbeddedPostgres(path.join(dir, 'pg'), 'test-password-not-secret', () => {}, {
      isSupervised: true,
      onEvent: (e) => events.push(e.kind),
    });
    // The product's tables, so a sign-in is answered by the app (401), not by a missing table.
    const owner = createDb(database.url(), () => {}, 1);
    await runMigrations(owner);
    await owner.$client.end();
  }, 120_000);

  afterAll(async () => {
    await database?.stop();
  });

  it('kill -9 of the postmaster under write load: requests get 503 + Retry-After, then it is back by itself with every acknowledged write', async () => {
    const errors: string[] = [];
    const db = createDb(database.url(), (e) => errors.push(e.message), 8);
    await db.$client.query('create table acked (id int primary key)');
    const config = loadConfig({ BBT_DATA_DIR: dir, BBT_DEMO: '0' });
    const app = await buildApp({ config, db });
    try {
      let next = 0;
      const acknowledged: number[] = [];
      let isWriting = true;
      const writers = Array.from({ length: 4 }, async () => {
        while (isWriting) {
          const id = ++next;
          try {
            await db.$client.query('insert into acked values ($1)', [id]);
            acknowledged.push(id);
          } catch {
            // Not acknowledged: the client was told it failed.
          }
        }
      });
      await waitFor('some writes', () => acknowledged.length > 200, 30_000);

      const pid = database.pid() as number;
      process.kill(pid, 'SIGKILL');
      const killedAt = Date.now();
      const answer = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'wrong-password-123' },
      });
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['retry-after']).toBeDefined();
      expect(answer.json().error.code).toBe('UNAVAILABLE');
      expect(answer.json().error.message).toMatch(/数据库暂时不可用/);

      await waitFor(
        'PostgreSQL back and the pool recovered',
        async () =>
          (
            await app.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { username: 'nobody', password: 'wrong-password-123' },
            })
          ).statusCode !== 503,
        30_000,
      );
      const backAt = Date.now();
      const recovered = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'wrong-password-123' },
      });
      expect(recovered.statusCode).toBe(401);
      isWriting = false;
      await Promise.all(writers);
      expect(backAt - killedAt).toBeLessThan(30_000);
      expect(events).toContain('crashed');
      expect(events).toContain('restarted');
      expect(database.pid()).not.toBe(pid);

      const { rows } = await db.$client.query<{ id: number }>('select id from acked');
      const stored = new Set(rows.map((r) => r.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      // The clients that were checked out when it died reported through the listener; Node did not crash.
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await app.close();
      await db.$client.end();
    }
  }, 120_000);

  it('an exhausted pool answers 503 + Retry-After within seconds, then serves again', async () => {
    const db = createDb(database.url(), () => {}, 1);
    const app = await buildApp({ config: loadConfig({ BBT_DATA_DIR: dir, BBT_DEMO: '0' }), db });
    const held = await db.$client.connect();
    try {
      const started = Date.now();
      const answer = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'wrong-password-123' },
      });
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['retry-after']).toBe('5');
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      held.release();
    }
    const after = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'wrong-password-123' },
    });
    expect(after.statusCode).toBe(401);
    await app.close();
    await db.$client.end();
  }, 60_000);

  it('stop() ends PostgreSQL and no restart follows', async () => {
    const pid = database.pid() as number;
    await database.stop();
    await waitFor('postmaster gone', () => runningPostmaster(path.join(dir, 'pg')) === undefined, 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(database.pid()).toBeUndefined();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(readFileSync(path.join(dir, 'pg', 'PG_VERSION'), 'utf8').trim()).toBe('15');
  }, 60_000);
});
