import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../config';
import { acquireDataDirLock, dataDirOwner } from './data-dir-lock';
import { type EmbeddedEvent, runningPostmaster, startEmbeddedPostgres } from './embedded';

export const DATABASE_NAME = 'banbiantian';

export type ProvisionedDatabase = {
  url: string;
  isEmbedded: boolean;
  port?: number;
  /** The embedded PostgreSQL was left running by a killed server and was stopped before this start. */
  reclaimedPid?: number;
  /** Whether this process started the database (and `stop` stops it). */
  isStartedHere: boolean;
  stop: () => Promise<void>;
};

const ensureDatabase = async (adminUrl: string, name: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}" encoding 'UTF8' template template0`);
  } finally {
    await client.end();
  }
};

/** Where the embedded PostgreSQL keeps its cluster (the server starts it there; backups read its pid file). */
export const embeddedPgDir = (config: Config) => path.join(config.dataDir, 'pg');

/** Where the embedded PostgreSQL archives its WAL (R29: with the base backups, recovery to any moment). */
export const walArchiveDir = (config: Config) => path.join(config.dataDir, 'wal-archive');

export type ProvisionOptions = {
  /** What this process is (written in the data directory's lock: `serve`, `import`, `backup` …). */
  command?: string;
  onLog?: (m: string) => void;
  /** Progress worth a line on the terminal (taking over after a crash). */
  onNotice?: (m: string) => void;
  /** The server: restart PostgreSQL if it dies (see EmbeddedOptions.isSupervised). */
  isSupervised?: boolean;
  onEvent?: (e: EmbeddedEvent) => void;
  /**
   * When another process (the running server) holds the data directory, use its PostgreSQL instead of
   * refusing: for commands that only read and write rows, never for ones that change the schema or files.
   */
  mayShareRunning?: boolean;
};

/** The running server's embedded PostgreSQL for this data directory, when there is one to share. */
const sharedRunning = (config: Config): ProvisionedDatabase | undefined => {
  if (!dataDirOwner(config.dataDir)) return undefined;
  const pm = runningPostmaster(embeddedPgDir(config));
  if (!pm) return undefined;
  const url = `postgres://postgres:${encodeURIComponent(config.secrets.pgPassword)}@127.0.0.1:${pm.port}/${DATABASE_NAME}`;
  return { url, isEmbedded: true, port: pm.port, isStartedHere: false, stop: async () => {} };
};

/**
 * DATABASE_URL when given (nothing is started); otherwise the embedded PostgreSQL under the data dir, after
 * taking the data directory's lock (a second process is refused with a message naming the holder; what a
 * killed one left behind is reclaimed).
 */
export const provisionDatabase = async (
  config: Config,
  options: ProvisionOptions = {},
): Promise<ProvisionedDatabase> => {
  if (config.databaseUrl)
    return { url: config.databaseUrl, isEmbedded: false, isStartedHere: false, stop: async () => {} };
  if (options.mayShareRunning) {
    const shared = sharedRunning(config);
    if (shared) return shared;
  }
  const lock = await acquireDataDirLock(config.dataDir, options.command ?? 'serve', options.onNotice);
  try {
    const embedded = await startEmbeddedPostgres(
      embeddedPgDir(config),
      config.secrets.pgPassword,
      options.onLog,
      {
        walArchiveDir: walArchiveDir(config),
        isSupervised: options.isSupervised,
        onEvent: options.onEvent,
      },
    );
    const stop = async () => {
      await embedded.stop();
      lock.release();
    };
    try {
      await ensureDatabase(embedded.url('postgres'), DATABASE_NAME);
    } catch (e) {
      await stop();
      throw e;
    }
    return {
      url: embedded.url(DATABASE_NAME),
      isEmbedded: true,
      port: embedded.port,
      reclaimedPid: lock.reclaimed?.pid,
      isStartedHere: true,
      stop,
    };
  } catch (e) {
    lock.release();
    throw e;
  }
};
