import { chmodSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../config';
import { type ProvisionedDatabase, provisionDatabase } from '../kernel/db/provision';
import { BackupError } from './backup';
import { type BaseBackupResult, runBaseBackup, runBaseRestore } from './base-backup';

/**
 * R29's RPO ≤ 15 min: the product's embedded cluster archives its WAL; a base backup plus the archive
 * rebuild the cluster after its data directory is lost — everything archived, or up to a given moment.
 * pg_basebackup must be installed (CI installs postgresql-client-15): missing tools fail here.
 * The data directory's name has a space and a quote, for the archive/restore commands' quoting.
 */

let dir: string;
let config: Config;
let server: ProvisionedDatabase | undefined;
let base: BaseBackupResult;
const yes = async () => true;

const withClient = async <T>(url: string, fn: (c: pg.Client) => Promise<T>) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};

const start = async () => {
  server = await provisionDatabase(config);
  return server.url;
};
const stop = async () => {
  await server?.stop();
  server = undefined;
};

/** Ends the current WAL segment and waits until the archiver has copied it. */
const switchAndWaitForArchive = async (c: pg.Client) => {
  const { rows } = await c.query<{ f: string }>('select pg_walfile_name(pg_switch_wal()) as f');
  for (let i = 0; i < 200; i++) {
    if (existsSync(path.join(dir, 'wal-archive', rows[0].f))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WAL ${rows[0].f} not archived`);
};

const names = (url: string) =>
  withClient(url, async (c) => (await c.query('select name from notes order by id')).rows.map((r) => r.name));

/** Simulates losing the data directory: the cluster is moved away. */
const loseCluster = () => renameSync(path.join(dir, 'pg'), path.join(dir, `pg-lost-${Date.now()}`));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "bbt-wal it's-"));
  chmodSync(dir, 0o755);
  config = loadConfig({ BBT_DATA_DIR: dir, BBT_DEMO: '0' });
}, 60_000);

afterAll(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('WAL archiving, base backup and point-in-time restore (R29, RPO ≤ 15 min)', () => {
  it('the product cluster archives WAL into <data dir>/wal-archive (0700); base backup is verified', async () => {
    const url = await start();
    await withClient(url, async (c) => {
      const setting = async (n: string) => (await c.query(`select current_setting('${n}') as v`)).rows[0].v;
      expect(await setting('archive_mode')).toBe('on');
      expect(await setting('archive_timeout')).toBe('15min');
      expect(await setting('wal_level')).toBe('replica');
      await c.query('create table notes (id serial primary key, name text not null)');
      await c.query(`insert into notes (name) select 'before-' || g from generate_series(1, 3) g`);
    });
    expect(statSync(path.join(dir, 'wal-archive')).mode & 0o777).toBe(0o700);

    base = await runBaseBackup(config, { keep: 7 });
    expect(path.dirname(base.dir)).toBe(path.join(dir, 'backups'));
    expect(path.basename(base.dir)).toMatch(/^base-\d{8}-\d{6}$/);
    expect(statSync(base.dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(base.dir).sort()).toEqual(['backup_manifest', 'base.tar.gz', 'pg_wal.tar.gz']);
    for (const f of readdirSync(base.dir)) expect(statSync(path.join(base.dir, f)).mode & 0o777).toBe(0o600);
    expect(base.isVerified).toBe(true);
    expect(base.serverVersion).toMatch(/^15\./);
    expect(readdirSync(base.dir.replace(/[^/]+$/, ''))).not.toContain(`${path.basename(base.dir)}.verify`);
  }, 60_000);

  it('refuses to restore while the server runs', async () => {
    await expect(runBaseRestore(config, base.dir, { confirm: yes })).rejects.toThrow(
      /正被另一个半边天进程使用/,
    );
  });

  it('after losing the data directory, recovers the rows written after the base backup', async () => {
    await withClient(server?.url as string, async (c) => {
      await c.query(`insert into notes (name) values ('after-1'), ('after-2')`);
      await switchAndWaitForArchive(c);
    });
    await stop();
    loseCluster();
    const result = await runBaseRestore(config, base.dir, { confirm: yes });
    expect(result.previous).toBeUndefined();
    expect(result.recoveredTo).not.toBeNull();
    expect(await names(await start())).toEqual(['before-1', 'before-2', 'before-3', 'after-1', 'after-2']);
  }, 60_000);

  it('with --until between two inserts, recovers only the first; the old directory is moved aside', async () => {
    let until = '';
    await withClient(server?.url as string, async (c) => {
      await c.query(`insert into notes (name) values ('first')`);
      await new Promise((r) => setTimeout(r, 50));
      until = (await c.query('select clock_timestamp()::text as t')).rows[0].t;
      await new Promise((r) => setTimeout(r, 50));
      await c.query(`insert into notes (name) values ('second')`);
      await switchAndWaitForArchive(c);
    });
    await stop();
    const result = await runBaseRestore(config, base.dir, { until, confirm: yes });
    expect(result.previous).toMatch(/pg\.before-restore-\d{8}-\d{6}$/);
    expect(existsSync(path.join(result.previous as string, 'PG_VERSION'))).toBe(true);
    expect(new Date(result.recoveredTo as string).getTime()).toBeLessThanOrEqual(new Date(until).getTime());
    const rows = await names(await start());
    expect(rows).toContain('first');
    expect(rows).not.toContain('second');
    await stop();
  }, 60_000);

  it('a target past the archive fails and puts the previous directory back', async () => {
    const before = readdirSync(path.join(dir, 'pg')).sort();
    await expect(
      runBaseRestore(config, base.dir, { until: '2999-01-01 00:00:00+00', confirm: yes }),
    ).rejects.toThrow(BackupError);
    expect(readdirSync(path.join(dir, 'pg')).sort()).toEqual(before);
    expect(await names(await start())).toContain('first');
    await stop();
  }, 60_000);
});
