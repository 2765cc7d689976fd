import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDatabaseName } from '../../test/test-db';
import { createDb, type Db, migrationsFolder, runMigrations } from '../db/connection';
import { recordAudit } from './audit';
import { GENESIS_HASH, verifyAuditChain } from './audit-chain';

// The chain migration on a database that already has audit rows: migrated up to the migration before
// it, filled (with the ids out of insertion order and times in several zones), then migrated to the end.

const name = testDatabaseName('migration');
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
  const at = journal.entries.findIndex((e) => e.tag.endsWith('_audit_chain'));
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

const verify = async () => {
  const client = await db.$client.connect();
  try {
    return await verifyAuditChain(client, { batchSize: 2 });
  } finally {
    client.release();
  }
};

describe('0012_audit_chain on existing audit rows', () => {
  it('chains every row in id order, starts the head there, and later writes continue the chain', async () => {
    await db.$client.query(
      `insert into audit_log (id, at, actor_name, module, action, entity_label, org_path, before, after) values
        (30, '2026-03-01T08:00:00+08:00', '张三', 'org', 'create', '甲村', '/a/', null, '{"name":"甲村","n":1.50}'),
        (10, '2026-01-01T00:00:00.123456Z', null, 'auth', 'login', null, null, null, null),
        (20, '2026-02-01T12:00:00-05:00', '李四', 'org', 'update', '乙村', '/a/b/', '{"name":"乙"}', '{"name":"乙村","tags":[1,null,"x"]}')`,
    );
    await runMigrations(db);
    const { rows } = await db.$client.query<{ id: string; prev_hash: string; hash: string }>(
      'select id, prev_hash, hash from audit_log order by id',
    );
    expect(rows.map((r) => Number(r.id))).toEqual([10, 20, 30]);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[2].prev_hash).toBe(rows[1].hash);
    expect(await verify()).toEqual({ rows: 3, head: { id: 30, hash: rows[2].hash } });
    // The append-only trigger is back on after the fill.
    await expect(db.$client.query("update audit_log set action = 'x'")).rejects.toThrow(/append-only/);

    // The sequence is behind the explicit ids (it never drew them): the trigger moves it past the head.
    await db.transaction((tx) => recordAudit(tx, null, { module: 'system', action: 'probe' }));
    const report = await verify();
    expect(report.broken).toBeUndefined();
    expect(report.rows).toBe(4);
    expect(report.head.id).toBe(31);
  });
});
