import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type Config, loadConfig } from '../config';
import { seedDemo } from '../demo/seed-demo';
import { recordAudit } from '../kernel/audit/audit';
import { createDb, type Db, migrationsFolder, runMigrations } from '../kernel/db/connection';
import { type ProvisionedDatabase, provisionDatabase } from '../kernel/db/provision';
import { createFieldCrypto } from '../kernel/privacy/field-crypto';
import { seedOrg } from '../test/test-app';
import { templateDatabase, testDatabaseName } from '../test/test-db';
import { BackupError, type BackupResult, countTables, runBackup, runRestore } from './backup';

/**
 * The tested restore of R29 (security requirements T-13/T-14): a real embedded PostgreSQL in its own data
 * directory, the demo town as data, a backup taken while "the server" holds the database, changes, then
 * restores — refused while running, refused for a damaged file without touching anything, exact when it
 * runs. pg_dump/pg_restore must be installed (CI installs postgresql-client-15): missing tools fail here.
 */

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const journal = JSON.parse(readFileSync(path.join(repoRoot, 'drizzle/meta/_journal.json'), 'utf8'));

let dir: string;
let config: Config;
let server: ProvisionedDatabase | undefined;
let db: Db | undefined;
let backup: BackupResult;
/** Rows as they were when the backup was taken. */
let personsAtBackup: Record<string, unknown>[];
let auditAtBackup: Record<string, unknown>[];

const yes = async () => true;

/** Starts the embedded PostgreSQL (as the server would), runs `fn` on the product's database, stops it. */
const withStoppedServer = async <T>(fn: (client: pg.Client) => Promise<T>) => {
  const started = await provisionDatabase(config);
  const client = new pg.Client({ connectionString: started.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
    await started.stop();
  }
};

const databasesLike = async (client: pg.ClientBase, pattern: string) =>
  (await client.query('select datname from pg_database where datname like $1', [pattern])).rows.map(
    (r) => r.datname,
  );

const stopServer = async () => {
  await db?.$client.end();
  await server?.stop();
  db = undefined;
  server = undefined;
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bbt-backup-test-'));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter the directory.
  chmodSync(dir, 0o755);
  config = loadConfig({ BBT_DATA_DIR: dir, BBT_DEMO: '0' });
  server = await provisionDatabase(config);
  db = createDb(server.url, () => {}, 2);
  await runMigrations(db);
  await seedDemo(db, createFieldCrypto(config.secrets.fieldKey));
}, 180_000);

afterAll(async () => {
  await stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore of the embedded database (R29, tested restore)', () => {
  it('backs up beside the running server: one snapshot, mode 0600, readable, trial restore matches', async () => {
    const live = db as Db;
    const c = await live.$client.connect();
    const before = await countTables(c).finally(() => c.release());
    personsAtBackup = (
      await live.$client.query('select * from persons where id_number_cipher is not null order by id limit 5')
    ).rows;
    auditAtBackup = (await live.$client.query('select * from audit_log order by id')).rows;
    backup = await runBackup(config, { verify: true });

    expect(path.dirname(backup.file)).toBe(path.join(dir, 'backups'));
    expect(path.basename(backup.file)).toMatch(/^banbiantian-\d{8}-\d{6}\.dump$/);
    expect(statSync(backup.file).mode & 0o777).toBe(0o600);
    expect(backup.bytes).toBeGreaterThan(100_000);
    expect(backup.counts).toEqual(before);
    expect(backup.counts.persons).toBeGreaterThan(1000);
    expect(backup.verifiedTables).toBe(Object.keys(before).length);
    expect(backup.migrations).toBe(journal.entries.length);
    // The backup itself is an export of everyone's data: audited in the live database.
    const { rows } = await live.$client.query(
      'select action, entity_type from audit_log order by id desc limit 1',
    );
    expect(rows[0]).toEqual({ action: 'export', entity_type: 'backup' });
    // No scratch database is left behind by the trial restore.
    const { rows: left } = await live.$client.query(
      `select datname from pg_database where datname like 'banbiantian\\_%'`,
    );
    expect(left).toEqual([]);
  }, 120_000);

  it('refuses to restore while the server is running, before reading the file or asking', async () => {
    const confirm = vi.fn(yes);
    await expect(runRestore(config, backup.file, { confirm })).rejects.toThrow(/正被另一个半边天进程使用/);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('refuses a damaged file without touching the database', async () => {
    const live = db as Db;
    // Changes after the backup: an edit, deletions, new rows, new audit entries.
    const person = personsAtBackup[0];
    await live.$client.query(`update persons set name = '改过的名字' where id = $1`, [person.id]);
    await live.$client.query(
      `delete from patrols where id in (select id from patrols order by id limit 100)`,
    );
    await live.$client.query('delete from courtyard_inspections');
    await live.$client.query(`insert into persons (id, org_unit_id, org_path, name, name_pinyin)
      select gen_random_uuid(), org_unit_id, org_path, '备份后新增', 'beifenhouxinzeng' from persons limit 10`);
    await live.transaction((tx) =>
      recordAudit(tx, null, { module: 'system', action: 'update', entityLabel: 'after the backup' }),
    );
    await stopServer();
    const changed = await withStoppedServer(countTables);
    expect(changed.courtyard_inspections).toBe(0);

    const garbage = path.join(dir, 'garbage.dump');
    writeFileSync(garbage, randomBytes(5000));
    const confirm = vi.fn(yes);
    await expect(runRestore(config, garbage, { confirm })).rejects.toThrow(/无法读取备份文件/);
    expect(confirm).not.toHaveBeenCalled();

    // Cut short: the table of contents still reads, the data does not — fails inside the new database.
    const truncated = path.join(dir, 'truncated.dump');
    writeFileSync(truncated, readFileSync(backup.file).subarray(0, Math.floor(backup.bytes / 2)));
    await expect(runRestore(config, truncated, { confirm: yes })).rejects.toThrow(/恢复失败，数据库未改动/);

    // Encrypted under another installation's field key: refused before the swap.
    const otherKey = {
      ...config,
      secrets: { ...config.secrets, fieldKey: randomBytes(32).toString('base64') },
    };
    await expect(runRestore(otherKey, backup.file, { confirm: yes })).rejects.toThrow(/fieldKey/);

    const cancelled = runRestore(config, backup.file, { confirm: async () => false });
    await expect(cancelled).rejects.toThrow(/已取消/);

    await withStoppedServer(async (client) => {
      expect(await countTables(client)).toEqual(changed);
      const { rows } = await client.query('select name from persons where id = $1', [person.id]);
      expect(rows[0].name).toBe('改过的名字');
      expect(await databasesLike(client, 'banbiantian\\_%')).toEqual([]);
    });
  }, 180_000);

  it('restores exactly the backed-up data, migrated, with sessions cleared and the restore audited', async () => {
    const result = await runRestore(config, backup.file, { confirm: yes });
    expect(result.isFieldKeyChecked).toBe(true);
    expect(result.previous).toBeUndefined();

    await withStoppedServer(async (client) => {
      const counts = await countTables(client);
      const { audit_log, sessions, ...rest } = counts;
      const { audit_log: auditBefore, sessions: _sessions, ...restBefore } = backup.counts;
      expect(rest).toEqual(restBefore);
      expect(sessions).toBe(0);
      expect(audit_log).toBe(auditBefore + 1);
      expect(result.counts).toEqual(counts);

      const ids = personsAtBackup.map((p) => p.id);
      const persons = await client.query('select * from persons where id = any($1) order by id', [ids]);
      expect(persons.rows).toEqual(personsAtBackup);
      const crypto = createFieldCrypto(config.secrets.fieldKey);
      expect(crypto.decrypt(persons.rows[0].id_number_cipher)).toMatch(/^\d{17}[\dX]$/);

      // The audit log as it was, then one entry for the restore; the append-only trigger is back.
      const audit = await client.query('select * from audit_log order by id');
      expect(audit.rows.slice(0, -1)).toEqual(auditAtBackup);
      expect(audit.rows.at(-1)).toMatchObject({ module: 'system', action: 'restore', entity_type: 'backup' });
      await expect(client.query('delete from audit_log')).rejects.toThrow(/append-only/);

      const migrations = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(migrations.rows[0].n).toBe(journal.entries.length);
      expect(await databasesLike(client, 'banbiantian\\_%')).toEqual([]);
    });
  }, 180_000);

  it('keeps the replaced database on request', async () => {
    const result = await runRestore(config, backup.file, { confirm: yes, keepPrevious: true });
    expect(result.previous).toMatch(/^banbiantian_before_restore_\d{8}-\d{6}$/);
    await withStoppedServer(async (client) => {
      expect(await databasesLike(client, 'banbiantian\\_%')).toEqual([result.previous]);
      await client.query(`drop database "${result.previous}"`);
    });
  }, 180_000);

  it('runs from the command line: backup --verify with the server stopped, restore refusing garbage', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, BBT_DATA_DIR: dir };
    delete env.DATABASE_URL;
    const cli = (...args: string[]) =>
      spawnSync(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/server/main.ts', ...args], {
        cwd: repoRoot,
        env,
        encoding: 'utf8',
      });
    const out = path.join(dir, 'cli.dump');
    const b = cli('backup', '--out', out, '--verify');
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    expect(b.stdout).toContain(`文件 / file:  ${out}`);
    expect(b.stdout).toMatch(/persons \d+/);
    expect(b.stdout).toContain('试恢复到临时数据库');
    expect(b.stdout).toContain('secrets.json');
    expect(statSync(out).mode & 0o777).toBe(0o600);

    const r = cli('restore', path.join(dir, 'garbage.dump'), '--yes');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('无法读取备份文件');
  }, 120_000);
});

describe('backup and restore with an external PostgreSQL (DATABASE_URL)', () => {
  it('backs up, refuses to restore while the app is connected, then restores', async () => {
    const adminUrl = inject('adminUrl');
    const name = testDatabaseName('backup');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${templateDatabase()}"`);
        break;
      } catch (e) {
        // Another test file cloning the template at the same instant: wait and retry.
        if (attempt > 20) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const external: Config = { ...config, databaseUrl: u.toString() };
    const app = createDb(u.toString(), () => {}, 2);
    try {
      const { units } = await seedOrg(app);
      const saved = await runBackup(external, { out: path.join(dir, 'external.dump') });
      expect(saved.counts.org_units).toBe(Object.keys(units).length);
      await app.$client.query('delete from users');
      await app.$client.query('select 1'); // the app holds a connection
      await expect(runRestore(external, saved.file, { confirm: yes })).rejects.toBeInstanceOf(BackupError);
      await app.$client.end();

      const result = await runRestore(external, saved.file, { confirm: yes });
      expect(result.database).toBe(name);
      expect(result.counts.users).toBe(saved.counts.users);
      expect(result.isFieldKeyChecked).toBe(false); // no encrypted fields in this data
      expect(await databasesLike(admin, `${name}\\_%`)).toEqual([]);

      // A backup from a newer version (a migration this program does not know) is refused.
      const later = new pg.Client({ connectionString: u.toString() });
      await later.connect();
      await later.query(
        `insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-the-future', 4102444800000)`,
      );
      await later.end();
      const newer = await runBackup(external, { out: path.join(dir, 'newer.dump') });
      await expect(runRestore(external, newer.file, { confirm: yes })).rejects.toThrow(/更新版本/);
      expect(await databasesLike(admin, `${name}\\_%`)).toEqual([]);
    } finally {
      await app.$client.end().catch(() => {});
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }, 120_000);

  it('brings an older backup up to date: the migrations it lacks run before the swap', async () => {
    const adminUrl = inject('adminUrl');
    const name = testDatabaseName('older');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database "${name}" encoding 'UTF8' template template0`);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const external: Config = { ...config, databaseUrl: u.toString() };
    // The schema as an older release left it: only the first migrations of the journal.
    const older = mkdtempSync(path.join(tmpdir(), 'bbt-older-migrations-'));
    const kept = journal.entries.slice(0, journal.entries.length - 2);
    mkdirSync(path.join(older, 'meta'));
    writeFileSync(path.join(older, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
    for (const e of kept)
      copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(older, `${e.tag}.sql`));
    const app = createDb(u.toString(), () => {}, 1);
    try {
      await migrate(app, { migrationsFolder: older });
      const unit = randomBytes(16)
        .toString('hex')
        .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
      await app.$client.query(
        `insert into org_units (id, kind, name, path, depth) values ($1, 'county', '旧版本县妇联', $2, 0)`,
        [unit, `/${unit}/`],
      );
      await app.$client.end();
      const saved = await runBackup(external, { out: path.join(dir, 'older.dump') });
      expect(saved.migrations).toBe(kept.length);

      const result = await runRestore(external, saved.file, { confirm: yes });
      expect(result.counts.org_units).toBe(1);
      const c = new pg.Client({ connectionString: u.toString() });
      await c.connect();
      try {
        const m = await c.query('select count(*)::int as n from drizzle.__drizzle_migrations');
        expect(m.rows[0].n).toBe(journal.entries.length);
        const name = await c.query('select name from org_units where id = $1', [unit]);
        expect(name.rows[0].name).toBe('旧版本县妇联');
        // Every table of the current schema is there.
        const tmpl = new pg.Client({
          connectionString: new URL(`/${templateDatabase()}`, adminUrl).toString(),
        });
        await tmpl.connect();
        const tables = (cl: pg.Client) =>
          cl
            .query(
              `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
            )
            .then((r) => r.rows);
        expect(await tables(c)).toEqual(await tables(tmpl));
        await tmpl.end();
      } finally {
        await c.end();
      }
    } finally {
      await app.$client.end().catch(() => {});
      rmSync(older, { recursive: true, force: true });
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }, 120_000);
});
