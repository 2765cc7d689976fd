import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureAppRole, grantAppRole, urlAsRole } from '../kernel/db/app-role';
import { createDb, runMigrations } from '../kernel/db/connection';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../kernel/db/embedded';

/**
 * This run's databases carry its start time in their names (`bbt_t_<run>_…`, template `bbt_tpl_<run>`),
 * so that runs sharing one PostgreSQL — CI's pass against the machine's own server, a test that starts
 * the runner again, two developers — never drop each other's databases. A run removes its own at the
 * end; leftovers of runs killed half-way are removed once they are older than any run can last.
 */
const RUN = `r${Math.floor(Date.now() / 1000).toString(36)}${Math.floor(Math.random() * 36 ** 3)
  .toString(36)
  .padStart(3, '0')}`;
const TEMPLATE_DB = `bbt_tpl_${RUN}`;
const DB_PREFIX = `bbt_t_${RUN}_`;
const STALE_AFTER_S = 6 * 3600;
/** The start time (unix seconds) a database name carries, or undefined for names of no run. */
const runStartOf = (datname: string) => {
  const m = /^bbt_(?:t|tpl)_r([0-9a-z]{6,7})[0-9a-z]{3}(?:_|$)/.exec(datname);
  return m ? Number.parseInt(m[1], 36) : undefined;
};
/**
 * The tests' restricted role, as the app's `bbt_app` in production: the API suite runs as it. Its own
 * name, so a test run against a shared PostgreSQL never resets a real server's `bbt_app` password.
 */
export const TEST_APP_ROLE = 'bbt_test_app';
const TEST_APP_PASSWORD = 'test-app-password-not-secret';

declare module 'vitest' {
  // biome-ignore lint/style/useConsistentTypeDefinitions: declaration merging needs an interface
  export interface ProvidedContext {
    adminUrl: string;
    /** The same server signed in as the restricted role (database name to be replaced). */
    appUrl: string;
    /** This run's migrated template, to clone with `create database … template`. */
    templateDb: string;
    /** The prefix of every database this run creates (see test-db.ts). */
    dbPrefix: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let dir: string | undefined;

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * One real PostgreSQL for the whole run: the machine's own when DATABASE_URL is set, otherwise an
 * embedded one in a temp dir. Migrations run once into a template (as the owner); each test file clones
 * it and connects as the restricted role.
 */
export const setup = async (project: TestProject) => {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(tmpdir(), 'bbt-test-pg-'));
    // As root, PostgreSQL runs as `postgres`, which must be able to enter the directory.
    chmodSync(dir, 0o755);
    embedded = await startEmbeddedPostgres(path.join(dir, 'pg'), 'test-password-not-secret');
    adminUrl = embedded.url('postgres');
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(
    "select datname from pg_database where datname like 'bbt\\_t\\_%' or datname like 'bbt\\_tpl\\_%'",
  );
  const now = Date.now() / 1000;
  for (const { datname } of rows) {
    const started = runStartOf(datname);
    if (started !== undefined && now - started > STALE_AFTER_S)
      await client.query(`drop database if exists "${datname}" with (force)`);
  }
  await client.query(`create database "${TEMPLATE_DB}" encoding 'UTF8' template template0`);
  await client.end();
  const db = createDb(withDatabase(adminUrl, TEMPLATE_DB), () => {});
  await runMigrations(db);
  // Migrations ran as the owner, as in production; the clones inherit the template's grants.
  const owner = await db.$client.connect();
  try {
    await ensureAppRole(owner, TEST_APP_ROLE, TEST_APP_PASSWORD);
    await grantAppRole(owner, TEST_APP_ROLE);
  } finally {
    owner.release();
  }
  await db.$client.end();
  project.provide('adminUrl', adminUrl);
  project.provide('appUrl', urlAsRole(adminUrl, TEST_APP_ROLE, TEST_APP_PASSWORD));
  project.provide('templateDb', TEMPLATE_DB);
  project.provide('dbPrefix', DB_PREFIX);
  runAdminUrl = adminUrl;
};

let runAdminUrl: string | undefined;

export const teardown = async () => {
  // This run's databases (test files normally drop their own; a failed one may not have).
  if (runAdminUrl && !embedded) {
    const client = new pg.Client({ connectionString: runAdminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1) or datname = $2',
      [DB_PREFIX, TEMPLATE_DB],
    );
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    await client.end();
  }
  await embedded?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
};
