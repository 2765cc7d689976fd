import { createHash } from 'node:crypto';
import type pg from 'pg';

/** The first row's `prev_hash` (drizzle/0012_audit_chain.sql). */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainBreak = {
  id: number;
  /** The row's time, ISO 8601 UTC. */
  at: string;
  reason: 'content' | 'link' | 'head';
  message: string;
};

export type ChainReport = {
  /** Rows walked (up to the head read at the start; rows appended meanwhile are left for the next run). */
  rows: number;
  head: { id: number; hash: string };
  broken?: ChainBreak;
};

type Row = { id: string; at: string; prev_hash: string; hash: string; canonical: string };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Walks the audit chain in id order, in batches (keyset on the primary key: millions of rows never sit in
 * memory, and no snapshot is held for the whole walk). For each row: its hash must be sha256 of its
 * canonical text — the database writes that text (`audit_log_canonical`, the same the trigger hashes);
 * the hash is recomputed here — and its `prev_hash` the previous row's hash. The head read at the start
 * must be the last row walked, so rows cut off the end are caught too. Stops at the first break.
 *
 * Ids are taken under the head's lock, so every committed snapshot holds a prefix of the chain: a walk
 * beside a running server sees no false breaks.
 */
export const verifyAuditChain = async (
  client: Pick<pg.PoolClient, 'query'>,
  opts: { batchSize?: number; onProgress?: (rows: number) => void } = {},
): Promise<ChainReport> => {
  const batchSize = opts.batchSize ?? 5000;
  const { rows: heads } = await client.query<{ last_id: string; last_hash: string }>(
    'select last_id, last_hash from audit_chain_head where is_head',
  );
  if (!heads.length) throw new Error('audit_chain_head is missing: the audit chain was never started');
  const head = { id: Number(heads[0].last_id), hash: heads[0].last_hash };
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let walked = 0;
  const report = (row: Row, reason: ChainBreak['reason'], message: string): ChainReport => ({
    rows: walked,
    head,
    broken: { id: Number(row.id), at: row.at, reason, message },
  });
  for (;;) {
    const { rows } = await client.query<Row>(
      `select id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, prev_hash, hash,
              audit_log_canonical(a) as canonical
         from audit_log a where id > $1 and id <= $2 order by id limit $3`,
      [prevId, head.id, batchSize],
    );
    for (const row of rows) {
      walked++;
      if (row.prev_hash !== prevHash)
        return report(
          row,
          'link',
          prevId === 0
            ? '第一行的 prev_hash 不是起点值：之前的行被删除 / the first row does not start the chain: rows before it were removed'
            : `prev_hash 与上一行（id ${prevId}）的 hash 不符：其间的行被删除或插入，或上一行被改写 / ` +
                `prev_hash does not match row ${prevId}: a row between was removed or inserted, or that row was rewritten`,
        );
      if (sha256(row.canonical) !== row.hash)
        return report(
          row,
          'content',
          '内容与 hash 不符：此行被改写 / the row’s content does not match its hash: the row was changed',
        );
      prevHash = row.hash;
      prevId = Number(row.id);
    }
    opts.onProgress?.(walked);
    if (rows.length < batchSize) break;
  }
  if (prevId !== head.id || prevHash !== head.hash) {
    const { rows: last } = await client.query<{ at: string }>(
      `select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from audit_log where id = $1`,
      [prevId],
    );
    return {
      rows: walked,
      head,
      broken: {
        id: prevId,
        at: last[0]?.at ?? '',
        reason: 'head',
        message:
          `链头记录最后一行为 id ${head.id}，实际链止于 id ${prevId}：末尾的行被删除或改写 / ` +
          `the chain head names row ${head.id} but the chain ends at row ${prevId}: rows at the end were removed or rewritten`,
      },
    };
  }
  return { rows: walked, head };
};
