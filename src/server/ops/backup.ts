import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import path from 'node:path';
import { getTableName, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Config } from '../config';
import { recordAudit } from '../kernel/audit/audit';
import { createDb, type Db, migrationsFolder, runMigrations } from '../kernel/db/connection';
import { dataDirOwner, inUseMessage } from '../kernel/db/data-dir-lock';
import { DATABASE_NAME, provisionDatabase } from '../kernel/db/provision';
import { createFieldCrypto } from '../kernel/privacy/field-crypto';
import { modules } from '../modules';

/**
 * Logical backup and restore of the product's database (R29, 等保 数据备份恢复).
 *
 * Backup: `pg_dump -Fc` inside an exported REPEATABLE READ snapshot, so the row counts printed are exactly
 * the rows in the file, even while the server keeps writing. Restore: into a new database, migrated, then
 * swapped in by two renames in one transaction — the product's database is either the old one or the
 * fully restored one, never something in between.
 */

/** A problem the operator must act on: its message (zh-CN, then English) is all she needs. */
export class BackupError extends Error {}

/** Tables whose row counts are printed after a backup or restore: every module's `keyTables`. */
export const KEY_TABLES: readonly string[] = modules.flatMap((m) => (m.keyTables ?? []).map(getTableName));

export type PgTools = { dir: string; major: number; pgDump: string; pgRestore: string };

export type TableCounts = Record<string, number>;

export type Log = (line: string) => void;

// ---------------------------------------------------------------------------------------------------------
// pg_dump / pg_restore

export const run = (
  file: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; stdout?: NodeJS.WritableStream } = {},
) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(file, args, {
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (opts.stdout) child.stdout.pipe(opts.stdout);
    else child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });

export const versionOf = async (binary: string) => {
  try {
    const { code, stdout } = await run(binary, ['--version']);
    const m = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return code === 0 && m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * After a restore of either kind: sessions in the backup would sign back in people who signed out
 * since, so they go (everyone signs in again), and the restore goes into the audit log (via the CLI).
 */
export const recordRestore = (db: Db, entityLabel: string, after: object) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`delete from sessions`);
    await recordAudit(
      tx,
      null,
      {
        module: 'system',
        action: 'restore',
        entityType: 'backup',
        entityLabel,
        after: { via: 'cli', ...after },
      },
      'cli',
    );
  });

export const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * Client programs from one directory (Debian's /usr/lib/postgresql/<major>/bin, then PATH) holding every
 * one of `required`, whose major version (read by `probe`; undefined to pass the directory by) is at
 * least the server's: the same major when there is one, otherwise the lowest newer one. `missing` says
 * what to install, given the versions found.
 */
export const findClientTools = async <T extends { dir: string; major: number }>(
  serverMajor: number,
  required: readonly string[],
  probe: (dir: string) => Promise<T | undefined>,
  missing: (versions: string) => string,
): Promise<T> => {
  const debianRoot = '/usr/lib/postgresql';
  const debianDirs = existsSync(debianRoot)
    ? readdirSync(debianRoot).map((v) => path.join(debianRoot, v, 'bin'))
    : [];
  const pathDirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const found: T[] = [];
  const seen = new Set<string>();
  // Debian's versioned directories first: /usr/bin/pg_dump there is a wrapper that picks a version itself.
  for (const dir of [...new Set([...debianDirs, ...pathDirs])]) {
    const files = required.map((name) => path.join(dir, name));
    if (!files.every(isExecutable)) continue;
    const real = realpathSync(files[0] as string);
    if (seen.has(real)) continue;
    seen.add(real);
    const tools = await probe(dir);
    if (tools) found.push(tools);
  }
  const usable = found.filter((t) => t.major >= serverMajor).sort((a, b) => a.major - b.major);
  if (usable[0]) return usable[0];
  const versions = found.length
    ? `（找到的版本：${found.map((t) => `${t.major} ${t.dir}`).join('，')}）`
    : '';
  throw new BackupError(missing(versions));
};

/** pg_dump and pg_restore of one major version from one directory (see `findClientTools`). */
export const findPgTools = (serverMajor: number): Promise<PgTools> =>
  findClientTools(
    serverMajor,
    ['pg_dump', 'pg_restore'],
    async (dir) => {
      const pgDump = path.join(dir, 'pg_dump');
      const pgRestore = path.join(dir, 'pg_restore');
      const major = await versionOf(pgDump);
      return major !== undefined && major === (await versionOf(pgRestore))
        ? { dir, major, pgDump, pgRestore }
        : undefined;
    },
    (versions) =>
      `找不到版本 ≥ ${serverMajor} 的 pg_dump / pg_restore${versions}。` +
      `请安装 PostgreSQL 客户端：sudo apt-get install postgresql-client-${serverMajor}\n` +
      `No pg_dump/pg_restore of major version ≥ ${serverMajor} on PATH or in /usr/lib/postgresql/*/bin; ` +
      `install postgresql-client-${serverMajor} (Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}).`,
  );

/** libpq connection arguments with the password moved to PGPASSWORD, so `ps` never shows it. */
const libpqArgs = (url: string) => {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
};

export type ArchiveInfo = {
  createdAt?: string;
  dbname?: string;
  serverVersion?: string;
  /** Tables (schema.name) whose rows the archive holds. */
  dataTables: Set<string>;
  tables: Set<string>;
};

/** `pg_restore --list`: reads the whole table of contents, so a file that is not an archive fails here. */
export const listArchive = async (tools: PgTools, file: string): Promise<ArchiveInfo> => {
  const { code, stdout, stderr } = await run(tools.pgRestore, ['--list', file]);
  if (code !== 0)
    throw new BackupError(
      `无法读取备份文件 ${file}：${stderr.trim() || `pg_restore 退出码 ${code}`}\n` +
        `The file is not a readable pg_dump custom-format archive.`,
    );
  const header = (key: string) => new RegExp(`^;\\s+${key}:?\\s+(.+)$`, 'm').exec(stdout)?.[1]?.trim();
  const info: ArchiveInfo = {
    createdAt: header('Archive created at'),
    dbname: header('dbname'),
    serverVersion: header('Dumped from database version'),
    dataTables: new Set(),
    tables: new Set(),
  };
  for (const line of stdout.split('\n')) {
    const m = /^\d+; \d+ \d+ (TABLE DATA|TABLE) (\S+) (\S+) /.exec(line);
    if (m) (m[1] === 'TABLE' ? info.tables : info.dataTables).add(`${m[2]}.${m[3]}`);
  }
  return info;
};

// ---------------------------------------------------------------------------------------------------------
// Where the database is

/** A restore replaces everything: refused while a server (or another command) holds the data directory. */
export const assertEmbeddedStopped = (config: Config) => {
  const owner = dataDirOwner(config.dataDir);
  if (owner)
    throw new BackupError(
      `${inUseMessage(config.dataDir, owner)}\n恢复会替换全部数据，请先停止服务再执行 restore。` +
        `\nA restore replaces all data: stop the server first.`,
    );
};

export type Target = {
  url: string;
  database: string;
  isEmbedded: boolean;
  /** Whether this command started the embedded PostgreSQL (and stops it at the end). */
  isStartedHere: boolean;
  stop: () => Promise<void>;
};

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
};

const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';

/**
 * The product's database: DATABASE_URL when configured; otherwise the embedded PostgreSQL — the running
 * one (same data directory, same password from secrets.json) or, when the server is stopped, started here
 * the way the server starts it.
 */
export const openTarget = async (config: Config, mode: 'backup' | 'restore'): Promise<Target> => {
  // pg_dump, CREATE DATABASE and the migrations after a restore need the owner, not the app's role.
  const externalUrl = config.databaseOwnerUrl ?? config.databaseUrl;
  if (externalUrl)
    return {
      url: externalUrl,
      database: databaseOf(externalUrl),
      isEmbedded: false,
      isStartedHere: false,
      stop: async () => {},
    };
  if (mode === 'restore') assertEmbeddedStopped(config);
  // A backup runs beside the live server, on its PostgreSQL; otherwise it starts the database itself.
  const provisioned = await provisionDatabase(config, { command: mode, mayShareRunning: mode === 'backup' });
  return {
    url: provisioned.url,
    database: DATABASE_NAME,
    isEmbedded: true,
    isStartedHere: provisioned.isStartedHere,
    stop: provisioned.stop,
  };
};

export const connect = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  // A connection dropped (PostgreSQL stopping under us) fails the pending query; never crash on the event.
  client.on('error', () => {});
  await client.connect();
  return client;
};

export const serverMajorOf = async (client: pg.Client) => {
  const { rows } = await client.query<{ v: string }>("select current_setting('server_version_num') as v");
  return Math.floor(Number(rows[0].v) / 10_000);
};

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Row counts of every ordinary table in `public` (partitions counted through their parent). */
export const countTables = async (client: pg.ClientBase): Promise<TableCounts> => {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
  );
  const counts: TableCounts = {};
  for (const { name } of rows) {
    const r = await client.query<{ n: string }>(`select count(*) as n from public.${quoteIdent(name)}`);
    counts[name] = Number(r.rows[0].n);
  }
  return counts;
};

// ---------------------------------------------------------------------------------------------------------
// Restoring an archive into a new database

const createDatabaseLike = async (admin: pg.Client, name: string, like: string) => {
  const { rows } = await admin.query<{ collate: string; ctype: string }>(
    'select datcollate as collate, datctype as ctype from pg_database where datname = $1',
    [like],
  );
  const locale = rows[0]
    ? ` lc_collate '${rows[0].collate.replaceAll("'", "''")}' lc_ctype '${rows[0].ctype.replaceAll("'", "''")}'`
    : '';
  await admin.query(`create database ${quoteIdent(name)} encoding 'UTF8' template template0${locale}`);
};

const dropDatabase = (admin: pg.Client, name: string) =>
  admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);

/** pg_restore into an empty database, all or nothing (one transaction, stop at the first error). */
const restoreArchive = async (tools: PgTools, url: string, file: string) => {
  const { dbname, env } = libpqArgs(url);
  const { code, stderr } = await run(
    tools.pgRestore,
    ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', `--dbname=${dbname}`, file],
    { env },
  );
  if (code !== 0)
    throw new BackupError(
      `恢复失败，数据库未改动：${stderr.trim() || `pg_restore 退出码 ${code}`}\n` +
        `pg_restore failed; the product's database was not touched.`,
    );
};

// ---------------------------------------------------------------------------------------------------------
// Backup

export type BackupResult = {
  file: string;
  bytes: number;
  counts: TableCounts;
  migrations: number;
  tools: PgTools;
  serverVersion: string;
  /** Set with `verify`: the archive was restored into a scratch database and every table's rows matched. */
  verifiedTables?: number;
};

export const timestamp = (d = new Date()) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
};

export const defaultBackupDir = (config: Config) => path.join(config.dataDir, 'backups');

/**
 * `pg_dump -Fc` of the product's database into `out` (default `<data dir>/backups/banbiantian-<time>.dump`),
 * mode 0600. Safe while the server runs: pg_dump reads one snapshot and blocks no writer.
 */
export const runBackup = async (
  config: Config,
  opts: { out?: string; verify?: boolean; log?: Log } = {},
): Promise<BackupResult> => {
  const log = opts.log ?? (() => {});
  const out = path.resolve(
    opts.out ?? path.join(defaultBackupDir(config), `${DATABASE_NAME}-${timestamp()}.dump`),
  );
  if (existsSync(out)) throw new BackupError(`文件已存在，不覆盖：${out}\nRefusing to overwrite ${out}.`);
  const dir = path.dirname(out);
  const partial = `${out}.partial`;
  // Before touching the database: a backup that cannot be written fails at once, in words.
  try {
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (existsSync(partial)) unlinkSync(partial);
    closeSync(openSync(partial, 'wx', 0o600));
    unlinkSync(partial);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new BackupError(
      `无法写入备份文件 ${out}（${code}）\nCannot write the backup file ${out} (${code}).`,
    );
  }
  const target = await openTarget(config, 'backup');
  log(
    target.isEmbedded
      ? `嵌入式 PostgreSQL（${target.isStartedHere ? '服务未运行，临时启动' : '服务运行中，在线备份'}）`
      : `外部 PostgreSQL：${databaseOf(target.url)}`,
  );
  let snapshotClient: pg.Client | undefined;
  try {
    snapshotClient = await connect(target.url);
    const { rows: v } = await snapshotClient.query<{ server_version: string }>('show server_version');
    const tools = await findPgTools(await serverMajorOf(snapshotClient));
    // One snapshot for the counts and for pg_dump: the numbers printed are exactly what the file holds.
    await snapshotClient.query('begin isolation level repeatable read read only');
    const { rows } = await snapshotClient.query<{ s: string }>('select pg_export_snapshot() as s');
    const counts = await countTables(snapshotClient);
    const migrations = await snapshotClient
      .query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations')
      .then((r) => Number(r.rows[0].n))
      .catch(() => 0);
    if (migrations === 0)
      throw new BackupError(
        `数据库 ${target.database} 尚未初始化（没有迁移记录），无需备份。\nThe database has no migrations yet.`,
      );

    const { dbname, env } = libpqArgs(target.url);
    const file = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    const written = new Promise<void>((resolve, reject) => {
      file.on('finish', resolve);
      file.on('error', reject);
    });
    // Awaited after pg_dump ends; until then a write error must not count as unhandled.
    written.catch(() => {});
    const dump = await run(tools.pgDump, ['-Fc', `--snapshot=${rows[0].s}`, `--dbname=${dbname}`], {
      env,
      stdout: file,
    });
    await written;
    await snapshotClient.query('commit');
    if (dump.code !== 0)
      throw new BackupError(`pg_dump 失败：${dump.stderr.trim() || `退出码 ${dump.code}`}\npg_dump failed.`);
    chmodSync(partial, 0o600);

    // Verify: the archive's table of contents is readable and has the data of every table counted.
    const info = await listArchive(tools, partial);
    const missing = Object.keys(counts).filter((t) => !info.dataTables.has(`public.${t}`));
    if (missing.length)
      throw new BackupError(`备份文件缺少表数据：${missing.join(', ')}\nThe archive lacks table data.`);

    let verifiedTables: number | undefined;
    if (opts.verify) {
      log('校验：试恢复到临时数据库 / verify: trial restore into a scratch database…');
      const restored = await trialRestore(tools, target, partial);
      const diff = Object.keys({ ...counts, ...restored }).filter((t) => counts[t] !== restored[t]);
      if (diff.length)
        throw new BackupError(
          `校验失败：试恢复后行数不一致（${diff.map((t) => `${t}: ${counts[t]} → ${restored[t]}`).join('，')}）\n` +
            `Verify failed: row counts differ after a trial restore.`,
        );
      verifiedTables = Object.keys(counts).length;
    }
    renameSync(partial, out);
    await auditBackup(target.url, out, statSync(out).size);
    return {
      file: out,
      bytes: statSync(out).size,
      counts,
      migrations,
      tools,
      serverVersion: v[0].server_version,
      verifiedTables,
    };
  } finally {
    if (existsSync(partial)) unlinkSync(partial);
    await snapshotClient?.end().catch(() => {});
    await target.stop();
  }
};

/** A backup copies everyone's personal data out of the system: recorded like any export. */
export const auditBackup = async (url: string, file: string, bytes: number) => {
  const db = createDb(url, () => {}, 1);
  try {
    await db.transaction((tx) =>
      recordAudit(
        tx,
        null,
        {
          module: 'system',
          action: 'export',
          entityType: 'backup',
          entityLabel: '数据库备份',
          after: { via: 'cli', file: path.basename(file), bytes },
        },
        'cli',
      ),
    );
  } finally {
    await db.$client.end();
  }
};

/** Restores the archive into a scratch database on the same server, counts its tables, drops it. */
const trialRestore = async (tools: PgTools, target: Target, file: string) => {
  const admin = await connect(withDatabase(target.url, 'postgres'));
  const scratch = `${target.database}_verify_${randomBytes(4).toString('hex')}`;
  try {
    await createDatabaseLike(admin, scratch, target.database);
    await restoreArchive(tools, withDatabase(target.url, scratch), file);
    const client = await connect(withDatabase(target.url, scratch));
    try {
      return await countTables(client);
    } finally {
      await client.end();
    }
  } finally {
    await dropDatabase(admin, scratch).catch(() => {});
    await admin.end();
  }
};

// ---------------------------------------------------------------------------------------------------------
// Restore

export type RestoreResult = {
  database: string;
  counts: TableCounts;
  archive: ArchiveInfo;
  /** The replaced database, kept under this name with `keepPrevious`. */
  previous?: string;
  isFieldKeyChecked: boolean;
};

export type RestoreOptions = {
  /** Asked after the file is checked and before anything is changed; false cancels. */
  confirm: (archive: ArchiveInfo, database: string) => Promise<boolean>;
  keepPrevious?: boolean;
  /** Restore even though encrypted fields cannot be read with this installation's field key. */
  allowKeyMismatch?: boolean;
  log?: Log;
};

export class RestoreCancelled extends Error {}

/** Migrations this program knows (drizzle-kit's journal). */
const migrationCount = () =>
  (
    JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;

/**
 * Checks one encrypted value (any `*_cipher` column) against this installation's field key: a backup
 * restored under another key would come back with every ID number and phone unreadable.
 */
const checkFieldKey = async (client: pg.ClientBase, fieldKey: string) => {
  const { rows: cols } = await client.query<{ t: string; c: string }>(
    `select table_name as t, column_name as c from information_schema.columns
      where table_schema = 'public' and column_name like '%\\_cipher' order by 1, 2`,
  );
  const crypto = createFieldCrypto(fieldKey);
  for (const { t, c } of cols) {
    const { rows } = await client.query<{ v: string }>(
      `select ${quoteIdent(c)} as v from public.${quoteIdent(t)} where ${quoteIdent(c)} is not null limit 1`,
    );
    if (!rows[0]) continue;
    try {
      crypto.decrypt(rows[0].v);
      return true;
    } catch {
      throw new BackupError(
        `备份中的加密字段（${t}.${c}）无法用本机 secrets.json 中的 fieldKey 解密：备份来自另一套密钥。` +
          `请先把备份时的 secrets.json 放回数据目录再恢复；若密钥确已丢失、接受身份证号和电话无法读取，` +
          `可加 --allow-key-mismatch。数据库未改动。\n` +
          `Encrypted fields in the backup do not decrypt with this installation's field key; ` +
          `put back the secrets.json from when the backup was taken. The database was not touched.`,
      );
    }
  }
  return false;
};

/**
 * Replaces the product's database with the archive. Never half-done: the archive is restored into a new
 * database (one transaction), migrated and checked there; only then two renames in one transaction swap it
 * in. Any failure before the swap drops the new database and leaves the product's database as it was.
 */
export const runRestore = async (
  config: Config,
  file: string,
  opts: RestoreOptions,
): Promise<RestoreResult> => {
  const log = opts.log ?? (() => {});
  const archivePath = path.resolve(file);
  if (!existsSync(archivePath) || !statSync(archivePath).isFile())
    throw new BackupError(`找不到备份文件：${archivePath}\nNo such file.`);
  const target = await openTarget(config, 'restore');
  let admin: pg.Client | undefined;
  let staging: string | undefined;
  try {
    admin = await connect(withDatabase(target.url, 'postgres'));
    const tools = await findPgTools(await serverMajorOf(admin));
    const archive = await listArchive(tools, archivePath);
    if (!archive.tables.has('public.org_units') || !archive.tables.has('drizzle.__drizzle_migrations'))
      throw new BackupError(
        `${archivePath} 不是半边天数据库的备份（缺少 org_units 或迁移记录表）。数据库未改动。\n` +
          `Not a Banbiantian database backup; nothing was changed.`,
      );
    await assertNoOtherSessions(admin, target.database);
    if (!(await opts.confirm(archive, target.database))) throw new RestoreCancelled('已取消 / cancelled');

    // Leftovers of a restore that was killed half-way never held the product's data: drop them.
    const { rows: stale } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${target.database}\\_restore\\_%`],
    );
    for (const r of stale) await dropDatabase(admin, r.datname);

    staging = `${target.database}_restore_${timestamp()}`;
    log(`恢复到新数据库 ${staging} / restoring into a new database…`);
    await createDatabaseLike(admin, staging, target.database);
    const stagingUrl = withDatabase(target.url, staging);
    await restoreArchive(tools, stagingUrl, archivePath);

    log('迁移到当前版本 / migrating to the current schema…');
    const db = createDb(stagingUrl, () => {}, 1);
    let counts: TableCounts;
    let isFieldKeyChecked = false;
    try {
      await runMigrations(db);
      const { rows: applied } = await db.$client.query<{ n: number }>(
        'select count(*)::int as n from drizzle.__drizzle_migrations',
      );
      const known = migrationCount();
      if (applied[0].n > known)
        throw new BackupError(
          `备份来自更新版本的半边天（${applied[0].n} 个迁移，本程序只有 ${known} 个）：请先升级程序再恢复。数据库未改动。\n` +
            'The backup comes from a newer Banbiantian; upgrade first. The database was not touched.',
        );
      const client = await db.$client.connect();
      try {
        if (!opts.allowKeyMismatch) isFieldKeyChecked = await checkFieldKey(client, config.secrets.fieldKey);
      } finally {
        client.release();
      }
      await recordRestore(db, '从备份恢复数据库', {
        file: path.basename(archivePath),
        archiveCreatedAt: archive.createdAt ?? null,
      });
      const c = await db.$client.connect();
      try {
        counts = await countTables(c);
      } finally {
        c.release();
      }
    } finally {
      await db.$client.end();
    }

    // The swap: both renames commit together or not at all.
    await assertNoOtherSessions(admin, target.database);
    const previous = `${target.database}_before_restore_${timestamp()}`;
    const { rowCount: hasTarget } = await admin.query('select 1 from pg_database where datname = $1', [
      target.database,
    ]);
    await admin.query('begin');
    try {
      if (hasTarget)
        await admin.query(`alter database ${quoteIdent(target.database)} rename to ${quoteIdent(previous)}`);
      await admin.query(`alter database ${quoteIdent(staging)} rename to ${quoteIdent(target.database)}`);
      await admin.query('commit');
    } catch (e) {
      await admin.query('rollback').catch(() => {});
      throw e;
    }
    staging = undefined;
    if (hasTarget && !opts.keepPrevious)
      await dropDatabase(admin, previous).catch((e) =>
        log(`注意：旧数据库 ${previous} 未能删除（${(e as Error).message}），可手工删除。`),
      );
    return {
      database: target.database,
      counts,
      archive,
      previous: hasTarget && opts.keepPrevious ? previous : undefined,
      isFieldKeyChecked,
    };
  } finally {
    if (admin && staging) await dropDatabase(admin, staging).catch(() => {});
    await admin?.end().catch(() => {});
    await target.stop();
  }
};

/**
 * With an external PostgreSQL the server is another host's process: its connections are what we can see.
 * Client backends only: an autovacuum worker busy in the database (it has no client) is no app process,
 * and ALTER DATABASE … RENAME waits for it to end.
 */
const assertNoOtherSessions = async (admin: pg.Client, database: string) => {
  const { rows } = await admin.query<{ n: string; apps: string | null }>(
    `select count(*) as n, string_agg(distinct coalesce(nullif(application_name, ''), client_addr::text, '?'), ', ') as apps
       from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()
        and backend_type = 'client backend'`,
    [database],
  );
  if (Number(rows[0].n) > 0)
    throw new BackupError(
      `数据库 ${database} 仍有 ${rows[0].n} 个连接（${rows[0].apps}）：请先停止所有半边天服务进程再恢复。数据库未改动。\n` +
        `Other sessions are connected to ${database}; stop every app process before restoring.`,
    );
};
