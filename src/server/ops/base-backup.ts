import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { Config } from '../config';
import { createDb } from '../kernel/db/connection';
import { acquireDataDirLock } from '../kernel/db/data-dir-lock';
import { postgresOwner, shellQuote, startEmbeddedPostgres } from '../kernel/db/embedded';
import { DATABASE_NAME, embeddedPgDir, walArchiveDir } from '../kernel/db/provision';
import {
  assertEmbeddedStopped,
  auditBackup,
  BackupError,
  connect,
  defaultBackupDir,
  findClientTools,
  isExecutable,
  type Log,
  openTarget,
  recordRestore,
  run,
  serverMajorOf,
  timestamp,
  versionOf,
} from './backup';

/**
 * Physical base backups and point-in-time recovery of the embedded PostgreSQL (R29: RPO ≤ 15 min).
 *
 * The embedded cluster archives every finished WAL segment into `<data dir>/wal-archive/` (at least every
 * 15 minutes, `archive_timeout`). A base backup (`pg_basebackup`, tar, gzip, with the WAL needed to make it
 * consistent) plus the archived WAL after it can rebuild the cluster as it was at any moment since.
 * Restore never destroys anything: the current cluster directory is moved aside, the base backup extracted
 * in its place and recovered; any failure puts the old directory back.
 */

export const BASE_BACKUP_PREFIX = 'base-';
const BASE_NAME = /^base-\d{8}-\d{6}$/;
const FILES = ['base.tar.gz', 'pg_wal.tar.gz', 'backup_manifest'];

export type BaseTools = {
  dir: string;
  major: number;
  pgBasebackup: string;
  pgArchivecleanup: string;
  /** Optional: checks every file of the backup against its manifest. */
  pgVerifybackup?: string;
};

/** pg_basebackup (+ pg_archivecleanup, pg_verifybackup) from one directory, the same version rule as pg_dump's. */
export const findBaseTools = (serverMajor: number): Promise<BaseTools> =>
  findClientTools(
    serverMajor,
    ['pg_basebackup', 'pg_archivecleanup'],
    async (dir) => {
      const pgBasebackup = path.join(dir, 'pg_basebackup');
      const major = await versionOf(pgBasebackup);
      if (major === undefined) return undefined;
      const verify = path.join(dir, 'pg_verifybackup');
      return {
        dir,
        major,
        pgBasebackup,
        pgArchivecleanup: path.join(dir, 'pg_archivecleanup'),
        pgVerifybackup: isExecutable(verify) ? verify : undefined,
      };
    },
    (versions) =>
      `找不到版本 ≥ ${serverMajor} 的 pg_basebackup / pg_archivecleanup${versions}。` +
      `请安装 PostgreSQL 客户端：sudo apt-get install postgresql-client-${serverMajor}\n` +
      `No pg_basebackup/pg_archivecleanup of major version ≥ ${serverMajor} on PATH or in ` +
      `/usr/lib/postgresql/*/bin; install postgresql-client-${serverMajor}.`,
  );

type Manifest = { timeline: number; startLsn: string; endLsn: string };

const readManifest = (dir: string): Manifest => {
  try {
    const m = JSON.parse(readFileSync(path.join(dir, 'backup_manifest'), 'utf8')) as {
      'WAL-Ranges': { Timeline: number; 'Start-LSN': string; 'End-LSN': string }[];
    };
    const first = m['WAL-Ranges'][0];
    const last = m['WAL-Ranges'][m['WAL-Ranges'].length - 1];
    return { timeline: first.Timeline, startLsn: first['Start-LSN'], endLsn: last['End-LSN'] };
  } catch (e) {
    throw new BackupError(
      `${dir} 不是可用的基础备份（backup_manifest 无法读取：${(e as Error).message}）\n` +
        `Not a base backup: its backup_manifest cannot be read.`,
    );
  }
};

const SEGMENT_BYTES = 16n * 1024n * 1024n;

/** The WAL file that holds `lsn` (16 MB segments, the embedded cluster's default). */
export const walFileName = (timeline: number, lsn: string, segmentBytes = SEGMENT_BYTES) => {
  const [hi, lo] = lsn.split('/').map((h) => BigInt(`0x${h}`));
  const segno = ((hi << 32n) | lo) / segmentBytes;
  const perId = 0x1_0000_0000n / segmentBytes;
  const hex = (n: bigint) => n.toString(16).toUpperCase().padStart(8, '0');
  return `${hex(BigInt(timeline))}${hex(segno / perId)}${hex(segno % perId)}`;
};

const tar = async (args: string[]) => {
  const r = await run('tar', args);
  if (r.code !== 0)
    throw new BackupError(`tar ${args.join(' ')} 失败：${r.stderr.trim() || `退出码 ${r.code}`}`);
};

/** Extracts a base backup (base.tar.gz, pg_wal.tar.gz) into `into`, a new directory of mode 0700. */
const extractBaseBackup = async (backupDir: string, into: string) => {
  mkdirSync(into, { mode: 0o700 });
  chmodSync(into, 0o700);
  await tar(['-xzf', path.join(backupDir, 'base.tar.gz'), '-C', into]);
  mkdirSync(path.join(into, 'pg_wal'), { recursive: true, mode: 0o700 });
  await tar(['-xzf', path.join(backupDir, 'pg_wal.tar.gz'), '-C', path.join(into, 'pg_wal')]);
};

const chmodTree = (dir: string) => {
  chmodSync(dir, 0o700);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) chmodTree(p);
    else chmodSync(p, 0o600);
  }
};

const chownToPostgres = async (dir: string) => {
  const owner = postgresOwner();
  if (!owner) return;
  const r = await run('chown', ['-R', `${owner.uid}:${owner.gid}`, dir]);
  if (r.code !== 0) throw new BackupError(`chown ${dir} 失败：${r.stderr.trim()}`);
};

const startTimeOf = (pgDir: string) =>
  /^START TIME: (.+)$/m.exec(readFileSync(path.join(pgDir, 'backup_label'), 'utf8'))?.[1];

// ---------------------------------------------------------------------------------------------------------
// Base backup

export type BaseBackupResult = {
  dir: string;
  bytes: number;
  tools: BaseTools;
  serverVersion: string;
  startedAt?: string;
  timeline: number;
  startWal: string;
  /** pg_verifybackup checked every file and the WAL (undefined: not installed). */
  isVerified?: boolean;
  /** Older base backups deleted (beyond `keep`). */
  removedBackups: string[];
  /** Archived WAL files older than the oldest kept base backup, removed by pg_archivecleanup. */
  removedWal: number;
  archiveDir: string;
};

const dirBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, e) =>
      sum + (e.isDirectory() ? dirBytes(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size),
    0,
  );

const baseBackupsIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => BASE_NAME.test(n) && existsSync(path.join(dir, n, 'backup_manifest')))
        .sort()
        .map((n) => path.join(dir, n))
    : [];

/**
 * `pg_basebackup` of the embedded cluster (server running or not) into `<data dir>/backups/base-<time>/`:
 * tar, gzip, the WAL streamed alongside, mode 0700/0600, checked with pg_verifybackup. Then keeps the
 * newest `keep` base backups and removes archived WAL older than the oldest one kept.
 */
export const runBaseBackup = async (
  config: Config,
  opts: { out?: string; keep?: number; log?: Log } = {},
): Promise<BaseBackupResult> => {
  const log = opts.log ?? (() => {});
  const keep = opts.keep ?? 7;
  if (!Number.isInteger(keep) || keep < 1) throw new BackupError(`--keep 须为正整数 / --keep N, N ≥ 1`);
  if (config.databaseUrl)
    throw new BackupError(
      '基础备份（--base）只用于嵌入式 PostgreSQL；外部数据库（DATABASE_URL）的物理备份和 WAL 归档由其管理员负责。\n' +
        'Base backups (--base) are for the embedded PostgreSQL; an external one is backed up by its DBA.',
    );
  const out = path.resolve(
    opts.out ?? path.join(defaultBackupDir(config), `${BASE_BACKUP_PREFIX}${timestamp()}`),
  );
  if (existsSync(out)) throw new BackupError(`目录已存在，不覆盖：${out}\nRefusing to overwrite ${out}.`);
  const parent = path.dirname(out);
  if (!existsSync(parent)) mkdirSync(parent, { recursive: true, mode: 0o700 });
  const partial = `${out}.partial`;
  const verifyDir = `${out}.verify`;
  rmSync(partial, { recursive: true, force: true });
  rmSync(verifyDir, { recursive: true, force: true });

  const target = await openTarget(config, 'backup');
  log(
    target.isStartedHere
      ? '嵌入式 PostgreSQL（服务未运行，临时启动）'
      : '嵌入式 PostgreSQL（服务运行中，在线备份）',
  );
  let client: pg.Client | undefined;
  try {
    client = await connect(target.url);
    const serverVersion = (await client.query<{ v: string }>("select current_setting('server_version') as v"))
      .rows[0].v;
    const tools = await findBaseTools(await serverMajorOf(client));
    const archiving = (await client.query<{ v: string }>("select current_setting('archive_mode') as v"))
      .rows[0].v;
    if (archiving !== 'on')
      log('注意：WAL 归档未开启（archive_mode=off），只能恢复到备份时刻 / WAL archiving is off');
    await client.end();
    client = undefined;

    const u = new URL(target.url);
    log(`pg_basebackup → ${out}`);
    const r = await run(
      tools.pgBasebackup,
      [
        `--pgdata=${partial}`,
        '--format=tar',
        '--gzip',
        '--wal-method=stream',
        '--checkpoint=fast',
        '--no-password',
        `--host=${u.hostname}`,
        `--port=${u.port}`,
        `--username=${decodeURIComponent(u.username)}`,
        `--label=banbiantian ${path.basename(out)}`,
      ],
      { env: { PGPASSWORD: decodeURIComponent(u.password) } },
    );
    if (r.code !== 0)
      throw new BackupError(
        `pg_basebackup 失败：${r.stderr.trim() || `退出码 ${r.code}`}\npg_basebackup failed.`,
      );
    for (const f of FILES)
      if (!existsSync(path.join(partial, f)))
        throw new BackupError(`pg_basebackup 未生成 ${f} / pg_basebackup did not write ${f}`);
    chmodTree(partial);
    const manifest = readManifest(partial);

    // Verify: extract as a restore would, then pg_verifybackup (PostgreSQL < 18 only verifies plain dirs).
    await extractBaseBackup(partial, verifyDir);
    const startedAt = startTimeOf(verifyDir);
    let isVerified: boolean | undefined;
    if (tools.pgVerifybackup) {
      const v = await run(tools.pgVerifybackup, [
        `--manifest-path=${path.join(partial, 'backup_manifest')}`,
        verifyDir,
      ]);
      if (v.code !== 0)
        throw new BackupError(
          `pg_verifybackup 校验失败：${(v.stderr || v.stdout).trim()}\nThe base backup failed verification.`,
        );
      isVerified = true;
    }
    rmSync(verifyDir, { recursive: true, force: true });
    renameSync(partial, out);

    // Keep the newest `keep` base backups; the archive keeps the WAL the oldest kept one needs.
    const all = [...new Set([...baseBackupsIn(defaultBackupDir(config)), ...baseBackupsIn(parent)])].sort(
      (a, b) => path.basename(a).localeCompare(path.basename(b)),
    );
    if (!all.includes(out)) all.push(out);
    const removedBackups = all.slice(0, Math.max(0, all.length - keep));
    for (const d of removedBackups) rmSync(d, { recursive: true, force: true });
    const kept = all.slice(removedBackups.length);
    const oldest = kept
      .map(readManifest)
      .reduce((a, b) => (walFileName(a.timeline, a.startLsn) <= walFileName(b.timeline, b.startLsn) ? a : b));
    const archiveDir = walArchiveDir(config);
    let removedWal = 0;
    if (existsSync(archiveDir)) {
      const before = readdirSync(archiveDir).length;
      const c = await run(tools.pgArchivecleanup, [
        archiveDir,
        walFileName(oldest.timeline, oldest.startLsn),
      ]);
      if (c.code !== 0) log(`注意：pg_archivecleanup 失败：${c.stderr.trim()}`);
      removedWal = before - readdirSync(archiveDir).length;
    }
    // Like every backup, an export of everyone's data: audited (when the product's tables exist yet).
    const hasAudit = await connect(target.url).then((c) =>
      c
        .query<{ ok: boolean }>(`select to_regclass('public.audit_log') is not null as ok`)
        .then((r) => r.rows[0].ok)
        .finally(() => c.end()),
    );
    if (hasAudit) await auditBackup(target.url, out, dirBytes(out));
    return {
      dir: out,
      bytes: dirBytes(out),
      tools,
      serverVersion,
      startedAt,
      timeline: manifest.timeline,
      startWal: walFileName(manifest.timeline, manifest.startLsn),
      isVerified,
      removedBackups,
      removedWal,
      archiveDir,
    };
  } finally {
    rmSync(partial, { recursive: true, force: true });
    rmSync(verifyDir, { recursive: true, force: true });
    await client?.end().catch(() => {});
    await target.stop();
  }
};

// ---------------------------------------------------------------------------------------------------------
// Point-in-time restore

export type BaseRestoreInfo = {
  dir: string;
  startedAt?: string;
  until?: string;
  pgDir: string;
  archiveDir: string;
  archivedFiles: number;
};

export type BaseRestoreResult = BaseRestoreInfo & {
  /** Time of the last transaction replayed (null: none after the backup). */
  recoveredTo: string | null;
  timeline: number;
  /** The replaced cluster directory, moved aside (never deleted). */
  previous?: string;
};

export class BaseRestoreCancelled extends Error {}

/** A name not taken yet: two restores within one second (a failed retry) must not collide. */
const asideName = (base: string): string => {
  let name = base;
  for (let n = 2; existsSync(name); n++) name = `${base}-${n}`;
  return name;
};

/**
 * Rebuilds the embedded cluster from a base backup and the WAL archive: up to `until` (a timestamp
 * PostgreSQL understands, e.g. "2026-11-29 10:00:00+08"), or everything archived. The server must be
 * stopped. The current cluster directory is moved aside to `pg.before-restore-<time>`, never deleted;
 * if anything fails it is put back.
 */
export const runBaseRestore = async (
  config: Config,
  backupDir: string,
  opts: { until?: string; confirm: (info: BaseRestoreInfo) => Promise<boolean>; log?: Log },
): Promise<BaseRestoreResult> => {
  if (config.databaseUrl)
    throw new BackupError(
      '基础备份恢复（--base）只用于嵌入式 PostgreSQL。\nBase restores are for the embedded PostgreSQL only.',
    );
  const dir = path.resolve(backupDir);
  for (const f of FILES)
    if (!existsSync(path.join(dir, f)))
      throw new BackupError(`${dir} 不是基础备份（缺少 ${f}）\nNot a base backup directory (no ${f}).`);
  readManifest(dir);
  assertEmbeddedStopped(config);
  const pgDir = embeddedPgDir(config);
  const archiveDir = walArchiveDir(config);
  const info: BaseRestoreInfo = {
    dir,
    until: opts.until,
    pgDir,
    archiveDir,
    archivedFiles: existsSync(archiveDir) ? readdirSync(archiveDir).length : 0,
  };
  if (!(await opts.confirm(info))) throw new BaseRestoreCancelled('已取消 / cancelled');
  // Held until the end, so no server starts on the directory mid-restore; an orphaned postmaster (a killed
  // server's) is stopped before its cluster directory is moved aside.
  const lock = await acquireDataDirLock(config.dataDir, 'restore --base', opts.log);
  try {
    return await restoreBase(config, dir, info, opts);
  } finally {
    lock.release();
  }
};

const restoreBase = async (
  config: Config,
  dir: string,
  info: BaseRestoreInfo,
  opts: { until?: string; log?: Log },
): Promise<BaseRestoreResult> => {
  const { pgDir, archiveDir } = info;
  const log = opts.log ?? (() => {});
  const previous = existsSync(pgDir) ? asideName(`${pgDir}.before-restore-${timestamp()}`) : undefined;
  if (previous) renameSync(pgDir, previous);
  const logs: string[] = [];
  let stop: (() => Promise<void>) | undefined;
  try {
    log(`解压基础备份到 ${pgDir} / extracting…`);
    await extractBaseBackup(dir, pgDir);
    info.startedAt = startTimeOf(pgDir);
    writeFileSync(path.join(pgDir, 'recovery.signal'), '', { mode: 0o600 });
    await chownToPostgres(pgDir);
    const source = shellQuote(`${archiveDir.replaceAll('%', '%%')}/`).replace(/'$/, "%f'");
    const settings: Record<string, string> = {
      restore_command: `cp ${source} %p`,
      recovery_target_timeline: 'latest',
      ...(opts.until ? { recovery_target_time: opts.until, recovery_target_action: 'promote' } : {}),
    };
    log(`重放 WAL 归档 ${archiveDir}${opts.until ? ` 至 ${opts.until}` : ''} / replaying the WAL archive…`);
    const embedded = await startEmbeddedPostgres(pgDir, config.secrets.pgPassword, (m) => logs.push(m), {
      walArchiveDir: archiveDir,
      settings,
    }).catch((e) => {
      const lines = logs
        .join('')
        .split('\n')
        .filter((l) => /FATAL|PANIC|ERROR/.test(l));
      throw new BackupError(
        `恢复失败，原数据目录已放回：${lines.slice(-3).join(' / ') || (e as Error | undefined)?.message || 'PostgreSQL 未能启动'}\n` +
          `Recovery failed; the previous cluster directory was put back.`,
      );
    });
    stop = embedded.stop;
    const client = await connect(embedded.url('postgres'));
    let recoveredTo: string | null;
    let timeline: number;
    try {
      for (let i = 0; (await client.query('select pg_is_in_recovery() as r')).rows[0].r; i++) {
        if (i > 600) throw new BackupError('恢复超时（10 分钟仍在恢复）/ recovery did not end');
        await new Promise((r) => setTimeout(r, 1000));
      }
      const { rows } = await client.query<{ t: string | null; tli: number }>(
        `select pg_last_xact_replay_timestamp()::text as t, timeline_id as tli from pg_control_checkpoint()`,
      );
      recoveredTo = rows[0].t;
      timeline = rows[0].tli;
    } finally {
      await client.end();
    }
    await afterRecovery(embedded.url(DATABASE_NAME), path.basename(dir), opts.until, recoveredTo).catch((e) =>
      log(`注意：恢复后的审计记录未写入（${(e as Error).message}）`),
    );
    await embedded.stop();
    stop = undefined;
    return { ...info, recoveredTo, timeline, previous };
  } catch (e) {
    await stop?.().catch(() => {});
    rmSync(pgDir, { recursive: true, force: true });
    if (previous) renameSync(previous, pgDir);
    throw e;
  }
};

/** As after a logical restore: everyone signs in again, and the restore is in the audit log. */
const afterRecovery = async (
  url: string,
  backup: string,
  until: string | undefined,
  recoveredTo: string | null,
) => {
  const db = createDb(url, () => {}, 1);
  try {
    const { rows } = await db.$client.query<{ ok: boolean }>(
      `select to_regclass('public.sessions') is not null and to_regclass('public.audit_log') is not null as ok`,
    );
    if (!rows[0]?.ok) return;
    await recordRestore(db, '从基础备份和 WAL 归档恢复数据库', { backup, until: until ?? null, recoveredTo });
  } catch (e) {
    // No database of the product in this cluster (nothing to record in).
    if ((e as { code?: string }).code === '3D000') return;
    throw e;
  } finally {
    await db.$client.end();
  }
};
