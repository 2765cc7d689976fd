import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureAppRole, grantAppRole, urlAsRole } from '../kernel/db/app-role';
import { createDb, runMigrations } from '../kernel/db/connection';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../kernel/db/embedded';

export const TEMPLATE_DB = 'bbt_test_template';
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
    "select datname from pg_database where datname like 'bbt_t_%' or datname = $1",
    [TEMPLATE_DB],
  );
  for (const r of rows) await client.query(`drop database if exists "${r.datname}" with (force)`);
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
};

export const teardown = async () => {
  await embedded?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
};
