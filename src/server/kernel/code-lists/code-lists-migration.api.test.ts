import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDatabaseName } from '../../test/test-db';
import { createDb, type Db, migrationsFolder, runMigrations } from '../db/connection';

// The code-list migration on a database where a county already set its activity types: migrated up
// to the migration before it, the county's list saved the old way, then migrated to the end.

const name = testDatabaseName('codelists');
const adminQuery = async (q: string) => {
  const admin = new pg.Client({ connectionString: inject('adminUrl') });
  await admin.connect();
  await admin.query(q);
  await admin.end();
};
let db: Db;
let before: string;

beforeAll(async () => {
  await adminQuery(`create database "${name}" encoding 'UTF8' template template0`);
  const u = new URL(inject('adminUrl'));
  u.pathname = `/${name}`;
  db = createDb(u.toString(), () => {}, 2);
  before = await mkdtemp(join(os.tmpdir(), 'bbt-migrations-'));
  await cp(migrationsFolder, before, { recursive: true });
  const journalPath = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith('_county_code_lists'));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  await writeFile(journalPath, JSON.stringify(journal));
  await migrate(db, { migrationsFolder: before });
});
afterAll(async () => {
  await db?.$client.end();
  await adminQuery(`drop database if exists "${name}" with (force)`);
  await rm(before, { recursive: true, force: true });
});

describe('county_code_lists on a county that configured its activity types', () => {
  it("keeps the county's activity types, codes and labels as they were", async () => {
    const types = [
      { code: 'outreach', label: { zh: '理论宣讲', en: 'Talk' } },
      { code: 'custom1', label: { zh: '家庭教育', en: '家庭教育' } },
    ];
    await db.$client.query(
      `insert into activity_type_options (root_org_unit_id, types, updated_at)
       values ('0193a000-0000-7000-8000-000000000001', $1, '2026-03-01T00:00:00Z')`,
      [JSON.stringify(types)],
    );
    await runMigrations(db);
    const { rows } = await db.$client.query(
      'select root_org_unit_id::text as root, list, items, updated_at from county_code_lists',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      root: '0193a000-0000-7000-8000-000000000001',
      list: 'activityTypes',
      items: types,
    });
    expect(new Date(rows[0].updated_at).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    const old = await db.$client.query("select to_regclass('activity_type_options') as t");
    expect(old.rows[0].t).toBeNull();
  });
});
