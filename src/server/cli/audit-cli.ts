import { verifyAuditChain } from '../kernel/audit/audit-chain';
import type { Db } from '../kernel/db/connection';
import { CliError } from './io-cli';

export const auditUsage = `  audit verify [--anchor <id>:<hash>]
              walk the audit log's hash chain; exit 0 when intact, 1 at the first broken row.
              --anchor: the head printed by an earlier run (the monthly drill's record) must still be there`;

const parseAnchor = (args: string[]) => {
  const i = args.indexOf('--anchor');
  if (i < 0) return undefined;
  const m = /^(\d+):([0-9a-f]{64})$/.exec(args[i + 1] ?? '');
  if (!m) throw new CliError('--anchor 的格式是 <id>:<64 位十六进制 hash> / --anchor <id>:<sha256 hex>');
  return { id: Number(m[1]), hash: m[2] };
};

/** `audit verify`: the exit code is the answer (0 intact, 1 broken); the text names the first broken row. */
export const runAuditCommand = async (
  db: Db,
  args: string[],
  out: (line: string) => void = console.log,
): Promise<number> => {
  if (args[0] !== 'verify') throw new CliError(`用法 / usage:\n${auditUsage}`);
  const anchor = parseAnchor(args);
  const client = await db.$client.connect();
  try {
    const started = Date.now();
    const result = await verifyAuditChain(client, {
      onProgress: (n) => n % 500_000 === 0 && out(`  … ${n} 行 / rows`),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.broken) {
      const b = result.broken;
      out(`审计日志链已断开 / AUDIT CHAIN BROKEN`);
      out(`  第一处断开 / first broken row: id ${b.id}，时间 / at ${b.at}`);
      out(`  ${b.message}`);
      out(`  已检查 / checked ${result.rows} 行 / rows before it (${seconds} s)`);
      return 1;
    }
    if (anchor) {
      const { rows } = await client.query<{ hash: string }>('select hash from audit_log where id = $1', [
        anchor.id,
      ]);
      if (rows[0]?.hash !== anchor.hash) {
        out(`审计日志链与锚点不符 / AUDIT CHAIN DOES NOT MATCH THE ANCHOR`);
        out(
          `  id ${anchor.id} 的 hash ${rows[0] ? `是 ${rows[0].hash}` : '不存在'}，锚点记录为 ${anchor.hash}：` +
            '链在此点之前被整体重写 / the chain was rewritten before this point',
        );
        return 1;
      }
    }
    out(`审计日志链完整 / audit chain intact: ${result.rows} 行 / rows (${seconds} s)`);
    out(`  链头 / head: ${result.head.id}:${result.head.hash}`);
    out(
      '  请把链头记入本月演练记录，下次用 --anchor 核对 / record the head; check it next time with --anchor',
    );
    return 0;
  } finally {
    client.release();
  }
};
