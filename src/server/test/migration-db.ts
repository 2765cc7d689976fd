import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { createDb, type Db, migrationsFolder } from '../kernel/db/connection';
import { testDatabaseName } from './test-db';

const adminQuery = async (q: string) => {
  const admin = new pg.Client({ connectionString: inject('adminUrl') });
  await admin.connect();
  await admin.query(q);
  await admin.end();
};

/**
 * A migration test's database: a fresh database migrated up to the migration before the one whose
 * tag ends with `tagSuffix`, for the test to fill the old way and then run `runMigrations` to the end.
 * Registers its own beforeAll/afterAll (the database and the trimmed migrations folder are dropped
 * after); the returned function gives the database inside a test.
 */
export const databaseBefore = (tagSuffix: string, label: string): (() => Db) => {
  const name = testDatabaseName(label);
  let db: Db | undefined;
  let before: string | undefined;
  beforeAll(async () => {
    await adminQuery(`create database "${name}" encoding 'UTF8' template template0`);
    const u = new URL(inject('adminUrl'));
    u.pathname = `/${name}`;
    db = createDb(u.toString(), () => {}, 2);
    before = await mkdtemp(join(os.tmpdir(), 'bbt-migrations-'));
    await cp(migrationsFolder, before, { recursive: true });
    const journalPath = join(before, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.endsWith(tagSuffix));
    expect(at).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, at);
    await writeFile(journalPath, JSON.stringify(journal));
    await migrate(db, { migrationsFolder: before });
  });
  afterAll(async () => {
    await db?.$client.end();
    await adminQuery(`drop database if exists "${name}" with (force)`);
    if (before) await rm(before, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error('the migration test database is not ready');
    return db;
  };
};
