import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../test/migration-db';
import { runMigrations } from '../db/connection';
import { recordAudit } from './audit';
import { GENESIS_HASH, verifyAuditChain } from './audit-chain';

// The chain migration on a database that already has audit rows: migrated up to the migration before
// it, filled (with the ids out of insertion order and times in several zones), then migrated to the end.

const database = databaseBefore('_audit_chain', 'migration');

const verify = async () => {
  const client = await database().$client.connect();
  try {
    return await verifyAuditChain(client, { batchSize: 2 });
  } finally {
    client.release();
  }
};

describe('0012_audit_chain on existing audit rows', () => {
  it('chains every row in id order, starts the head there, and later writes continue the chain', async () => {
    await database().$client.query(
      `insert into audit_log (id, at, actor_name, module, action, entity_label, org_path, before, after) values
        (30, '2026-03-01T08:00:00+08:00', '张三', 'org', 'create', '甲村', '/a/', null, '{"name":"甲村","n":1.50}'),
        (10, '2026-01-01T00:00:00.123456Z', null, 'auth', 'login', null, null, null, null),
        (20, '2026-02-01T12:00:00-05:00', '李四', 'org', 'update', '乙村', '/a/b/', '{"name":"乙"}', '{"name":"乙村","tags":[1,null,"x"]}')`,
    );
    await runMigrations(database());
    const { rows } = await database().$client.query<{ id: string; prev_hash: string; hash: string }>(
      'select id, prev_hash, hash from audit_log order by id',
    );
    expect(rows.map((r) => Number(r.id))).toEqual([10, 20, 30]);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[2].prev_hash).toBe(rows[1].hash);
    expect(await verify()).toEqual({ rows: 3, head: { id: 30, hash: rows[2].hash } });
    // The append-only trigger is back on after the fill.
    await expect(database().$client.query("update audit_log set action = 'x'")).rejects.toThrow(
      /append-only/,
    );

    // The sequence is behind the explicit ids (it never drew them): the trigger moves it past the head.
    await database().transaction((tx) => recordAudit(tx, null, { module: 'system', action: 'probe' }));
    const report = await verify();
    expect(report.broken).toBeUndefined();
    expect(report.rows).toBe(4);
    expect(report.head.id).toBe(31);
  });
});
