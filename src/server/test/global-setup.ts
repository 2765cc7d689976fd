import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, runMigrations } from '../kernel/db/connection';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../kernel/db/embedded';

export const TEMPLATE_DB = 'bbt_test_template';

declare module 'vitest' {
  // biome-ignore lint/style/useConsistentTypeDefinitions: declaration merging needs an interface
  export interface ProvidedContext {
    adminUrl: string;
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
 * embedded one in a temp dir. Migrations run once into a template; each test file clones it.
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
  await db.$client.end();
  project.provide('adminUrl', adminUrl);
};

export const teardown = async () => {
  await embedded?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
};
