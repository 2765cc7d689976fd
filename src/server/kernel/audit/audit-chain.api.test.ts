import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../cli/audit-cli';
import { createTestApp } from '../../test/test-app';
import { recordAudit } from './audit';
import { GENESIS_HASH, verifyAuditChain } from './audit-chain';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const apps: TestApp[] = [];
const freshApp = async () => {
  const t = await createTestApp();
  apps.push(t);
  return t;
};
afterAll(async () => {
  for (const t of apps.splice(0)) await t.close();
});

/** One audited write per transaction, as a service makes it. */
const write = (t: TestApp, n: number, label = 'probe') =>
  t.db.transaction((tx) =>
    recordAudit(
      tx,
      null,
      {
        module: 'system',
        action: 'probe',
        entityLabel: `${label} ${n}`,
        orgPath: '/x/',
        before: { n, nested: { 名称: '甲镇', list: [1, 2.5, null] } },
        after: null,
      },
      '127.0.0.1',
    ),
  );

const writeMany = async (t: TestApp, count: number) => {
  for (let i = 0; i < count; i++) await write(t, i);
};

const verify = async (t: TestApp, batchSize?: number) => {
  const client = await t.db.$client.connect();
  try {
    return await verifyAuditChain(client, { batchSize });
  } finally {
    client.release();
  }
};

const cli = async (t: TestApp, args: string[]) => {
  const lines: string[] = [];
  const code = await runAuditCommand(t.db, args, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
};

const ids = async (t: TestApp) =>
  (await t.db.$client.query<{ id: string }>('select id from audit_log order by id')).rows.map((r) =>
    Number(r.id),
  );

/** As the owner: switch the append-only trigger off, run `statements`, switch it back on. */
const tamper = (t: TestApp, statements: string) =>
  t.ownerQuery(
    `begin; alter table audit_log disable trigger audit_log_append_only; ${statements};
     alter table audit_log enable trigger audit_log_append_only; commit`,
  );

describe('the audit hash chain (R18–R20)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await freshApp();
  });

  it('each write links to the one before: sha256 of the canonical row, in id order from the genesis hash', async () => {
    await writeMany(t, 5);
    const { rows } = await t.db.$client.query<{
      id: string;
      prev_hash: string;
      hash: string;
      canonical: string;
    }>('select id, prev_hash, hash, audit_log_canonical(a) as canonical from audit_log a order by id');
    expect(rows).toHaveLength(5);
    // Consecutive ids: nothing but a rolled-back write leaves a gap an auditor would ask about.
    expect(rows.map((r) => Number(r.id) - Number(rows[0].id))).toEqual([0, 1, 2, 3, 4]);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 0; i < rows.length; i++) {
      expect(rows[i].hash).toBe(createHash('sha256').update(rows[i].canonical).digest('hex'));
      if (i > 0) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
      // The canonical text holds the content, so a change to any of it changes the hash.
      expect(JSON.parse(rows[i].canonical)).toContain(`probe ${i}`);
    }
    const { rows: head } = await t.db.$client.query('select last_id, last_hash from audit_chain_head');
    expect(head[0]).toEqual({ last_id: rows[4].id, last_hash: rows[4].hash });
    expect(await verify(t)).toEqual({ rows: 5, head: { id: Number(rows[4].id), hash: rows[4].hash } });
  });

  it('an inserter cannot choose the id, prev_hash or hash: the trigger overwrites them', async () => {
    const { rows } = await t.db.$client.query<{ id: string; prev_hash: string; hash: string }>(
      `insert into audit_log (id, module, action, prev_hash, hash) values (999999, 'system', 'forged', $1, $1)
       returning id, prev_hash, hash`,
      ['f'.repeat(64)],
    );
    expect(Number(rows[0].id)).toBeLessThan(999999);
    expect(rows[0].prev_hash).not.toBe('f'.repeat(64));
    expect(rows[0].hash).not.toBe('f'.repeat(64));
    expect((await verify(t)).broken).toBeUndefined();
  });

  it('a write rolled back leaves the chain as it was', async () => {
    const before = await verify(t);
    await expect(
      t.db.transaction(async (tx) => {
        await recordAudit(tx, null, { module: 'system', action: 'probe' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await verify(t)).toEqual(before);
    await write(t, 100);
    expect((await verify(t)).broken).toBeUndefined();
  });

  it('concurrent writers (many transactions, several rows each) still form one chain in id order', async () => {
    const c = await freshApp();
    const writers = Array.from({ length: 30 }, (_, w) =>
      c.db.transaction(async (tx) => {
        for (let i = 0; i < 3; i++) {
          await recordAudit(tx, null, { module: 'system', action: 'probe', entityLabel: `w${w}-${i}` });
          await new Promise((r) => setTimeout(r, Math.random() * 5));
        }
      }),
    );
    await Promise.all(writers);
    const report = await verify(c, 7);
    expect(report.broken).toBeUndefined();
    expect(report.rows).toBe(90);
    // One transaction's rows are consecutive in the chain: the head stays locked until it commits.
    const { rows } = await c.db.$client.query<{ label: string }>(
      'select entity_label as label from audit_log order by id',
    );
    for (let i = 0; i < rows.length; i += 3)
      expect(rows.slice(i, i + 3).map((r) => r.label.split('-')[0])).toEqual(
        Array(3).fill(rows[i].label.split('-')[0]),
      );
  });

  it('a bulk insert (an import’s audit rows in one statement) between single ones chains every row', async () => {
    const b = await freshApp();
    const bulk = (n: number) =>
      b.db.$client.query(
        `insert into audit_log (module, action, entity_label) select 'system', 'import', 'row ' || g from generate_series(1, $1) g`,
        [n],
      );
    await write(b, 1);
    const client = await b.db.$client.connect();
    try {
      await client.query('begin');
      await client.query(`insert into audit_log (module, action) values ('system', 'before')`);
      await client.query(
        `insert into audit_log (module, action, entity_label) select 'system', 'import', 'row ' || g from generate_series(1, 500) g`,
      );
      await client.query(`insert into audit_log (module, action) values ('system', 'after')`);
      await client.query('commit');
    } finally {
      client.release();
    }
    await write(b, 2);
    const report = await verify(b, 100);
    expect(report.broken).toBeUndefined();
    expect(report.rows).toBe(504);
    const { rows } = await b.db.$client.query('select max(id)::text as id from audit_log');
    expect(String(report.head.id)).toBe(rows[0].id);
    // Printed, not asserted (a shared machine's timings): linear is ×4 for ×4 rows; a head moved per row
    // made it ×11 (quadratic: each lock walked the head's dead versions).
    const timed = async (n: number) => {
      const started = process.hrtime.bigint();
      await bulk(n);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const small = await timed(2000);
    const large = await timed(8000);
    console.log(
      `[bench] one statement inserting audit rows: 2 000 in ${small.toFixed(0)} ms, 8 000 in ${large.toFixed(0)} ms`,
    );
    expect((await verify(b)).broken).toBeUndefined();
  });

  it('audit verify: an intact chain exits 0 and prints the head; that head as --anchor passes, another fails', async () => {
    const ok = await cli(t, ['verify']);
    expect(ok.code).toBe(0);
    expect(ok.text).toContain('审计日志链完整 / audit chain intact');
    const head = /head: (\d+:[0-9a-f]{64})/.exec(ok.text)?.[1];
    expect(head).toBeDefined();
    expect((await cli(t, ['verify', '--anchor', head as string])).code).toBe(0);
    const wrong = `${head?.split(':')[0]}:${'0'.repeat(64)}`;
    const bad = await cli(t, ['verify', '--anchor', wrong]);
    expect(bad.code).toBe(1);
    expect(bad.text).toContain('AUDIT CHAIN DOES NOT MATCH THE ANCHOR');
  });
});

describe('audit verify finds tampering', () => {
  it('a row changed by the owner (trigger switched off, content updated) is named, with its time; exit 1', async () => {
    const t = await freshApp();
    await writeMany(t, 12);
    const all = await ids(t);
    const victim = all[7];
    await tamper(t, `update audit_log set entity_label = '改过的' where id = ${victim}`);
    const { rows } = await t.db.$client.query<{ at: string }>(
      `select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from audit_log where id = $1`,
      [victim],
    );
    for (const batchSize of [5000, 3]) {
      const report = await verify(t, batchSize);
      expect(report.broken).toMatchObject({ id: victim, at: rows[0].at, reason: 'content' });
      expect(report.rows).toBe(8);
    }
    const out = await cli(t, ['verify']);
    expect(out.code).toBe(1);
    expect(out.text).toContain(`id ${victim}，时间 / at ${rows[0].at}`);
    expect(out.text).toContain('AUDIT CHAIN BROKEN');
  });

  it('a row changed and its own hash recomputed: the next row’s link breaks and is named', async () => {
    const t = await freshApp();
    await writeMany(t, 6);
    const all = await ids(t);
    await tamper(
      t,
      `update audit_log set entity_label = '改过的' where id = ${all[2]};
       update audit_log a set hash = encode(sha256(convert_to(audit_log_canonical(a), 'UTF8')), 'hex')
        where id = ${all[2]}`,
    );
    expect((await verify(t)).broken).toMatchObject({ id: all[3], reason: 'link' });
  });

  it('a row deleted from the middle: the row after it is named', async () => {
    const t = await freshApp();
    await writeMany(t, 6);
    const all = await ids(t);
    await tamper(t, `delete from audit_log where id = ${all[3]}`);
    expect((await verify(t)).broken).toMatchObject({ id: all[4], reason: 'link' });
  });

  it('the last rows deleted: the chain head no longer matches, the last remaining row is named', async () => {
    const t = await freshApp();
    await writeMany(t, 6);
    const all = await ids(t);
    await tamper(t, `delete from audit_log where id >= ${all[4]}`);
    const out = await cli(t, ['verify']);
    expect(out.code).toBe(1);
    expect((await verify(t)).broken).toMatchObject({ id: all[3], reason: 'head' });
  });
});

describe('cost of the chain trigger (printed, not asserted)', () => {
  it('times one audited write per transaction with and without the chain trigger', async () => {
    const t = await freshApp();
    const n = 400;
    const time = async () => {
      await writeMany(t, 20); // warm-up
      const started = process.hrtime.bigint();
      await writeMany(t, n);
      return Number(process.hrtime.bigint() - started) / 1e6 / n;
    };
    const withChain = await time();
    // The baseline: a plain insert, the id from a column default as before the chain.
    await t.ownerQuery(`alter table audit_log disable trigger audit_log_chain;
      alter table audit_log alter column id set default nextval('audit_log_id_seq')`);
    const without = await time();
    await t.ownerQuery(`alter table audit_log alter column id drop default;
      alter table audit_log enable trigger audit_log_chain`);
    console.log(
      `[bench] audited write (one transaction, one audit row), ${n} writes: ` +
        `with chain ${withChain.toFixed(3)} ms, without ${without.toFixed(3)} ms, ` +
        `trigger cost ≈ ${(withChain - without).toFixed(3)} ms per write`,
    );
    expect(withChain).toBeGreaterThan(0);
  });
});
