import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../config';
import { startEmbeddedPostgres } from './embedded';

export const DATABASE_NAME = 'banbiantian';

export type ProvisionedDatabase = {
  url: string;
  isEmbedded: boolean;
  port?: number;
  stop: () => Promise<void>;
};

const ensureDatabase = async (adminUrl: string, name: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
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

/** DATABASE_URL when given (nothing is started); otherwise the embedded PostgreSQL under the data dir. */
export const provisionDatabase = async (
  config: Config,
  onLog?: (m: string) => void,
): Promise<ProvisionedDatabase> => {
  if (config.databaseUrl) return { url: config.databaseUrl, isEmbedded: false, stop: async () => {} };
  const embedded = await startEmbeddedPostgres(embeddedPgDir(config), config.secrets.pgPassword, onLog, {
    walArchiveDir: walArchiveDir(config),
  });
  try {
    await ensureDatabase(embedded.url('postgres'), DATABASE_NAME);
  } catch (e) {
    await embedded.stop();
    throw e;
  }
  const url = embedded.url(DATABASE_NAME);
  return { url, isEmbedded: true, port: Number(new URL(url).port), stop: embedded.stop };
};
