import { readFileSync } from 'node:fs';
import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { applyRowScope } from './row-scope';

/** No schema generic: queries name their tables (nothing uses the relational `db.query.*` API). */
export type Db = NodePgDatabase & { $client: pg.Pool };
/** A transaction handle; services pass it to repositories and to recordAudit. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const createDb = (url: string, log: (e: Error) => void, max = 10): Db => {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    // Out of connections, or the database unreachable: fail in seconds (→ 503 + Retry-After), not hang.
    connectionTimeoutMillis: 5_000,
    options: '-c TimeZone=UTC',
  });
  // A PostgreSQL crash or restart kills its connections. An idle client's error reaches the pool's listener;
  // a checked-out client's reaches only the client, where an unheard 'error' event would crash Node (R27).
  // The query running on it fails on its own (→ 503), so the listener need only note it.
  pool.on('error', log);
  pool.on('connect', (client) => client.on('error', log));
  // Each connection handed out carries the request's unit path for the row-level security policies.
  applyRowScope(pool);
  return drizzle(pool) as Db;
};

export const migrationsFolder = new URL('../../../../drizzle', import.meta.url).pathname;

export const runMigrations = (db: Db) => migrate(db, { migrationsFolder });

/** How many migrations this version of the code has (drizzle's journal). */
export const migrationCount = () =>
  (
    JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;
