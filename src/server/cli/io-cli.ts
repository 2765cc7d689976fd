import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { dateSchema } from '../../contracts/common/paging';
import { permissionsOf, type Role } from '../../contracts/common/permissions';
import type { OrgKind } from '../../contracts/org';
import { requirePermission } from '../kernel/access/access';
import type { Actor } from '../kernel/access/actor';
import type { Db } from '../kernel/db/connection';
import { createImportJob, runImport } from '../kernel/io/import-runner';
import { auditExport, type LedgerIo } from '../kernel/io/ledger-io';
import { writeXlsx } from '../kernel/io/xlsx-export';
import type { FieldCrypto } from '../kernel/privacy/field-crypto';
import type { ServiceContext } from '../kernel/service-context';
import { modules } from '../modules';
import { findUserByUsername } from '../modules/users/users.repository';

/** A mistake in how the CLI was called: its message is all the user needs. */
export class CliError extends Error {}

/** Ledgers the CLI can import and export: the same descriptors the web routes use. */
export const cliLedgers: Record<string, LedgerIo> = Object.fromEntries(
  modules.flatMap((m) => (m.io ?? []).map((io) => [io.ledger, io])),
);

const flag = (args: string[], name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

/** The CLI acts as a named admin account, with her subtree and her level's permissions, and is audited as her. */
const actorFor = async (db: Db, username: string | undefined): Promise<Actor> => {
  if (!username) throw new CliError('请用 --as <用户名> 指定以哪个管理员账号执行 / pass --as <username>');
  const found = await findUserByUsername(db, username);
  if (found?.user.status !== 'active') throw new CliError(`账号 ${username} 不存在或已停用`);
  const role = found.user.role as Role;
  return {
    userId: found.user.id,
    username: found.user.username,
    displayName: found.user.displayName,
    role,
    orgUnitId: found.user.orgUnitId,
    orgPath: found.orgPath,
    permissions: new Set(permissionsOf(role, found.orgKind as OrgKind)),
    ip: 'cli',
  };
};

export const cliUsage = `  import <ledger> <file.xlsx> --as <username> [--org <orgUnitId>] [--preview]
         [--reference-date YYYY-MM-DD] [--allow-moves]
  export <ledger> <out.xlsx> --as <username>
  ledgers: ${Object.keys(cliLedgers).join(', ')}`;

export const runIoCommand = async (
  db: Db,
  crypto: FieldCrypto,
  command: 'import' | 'export',
  args: string[],
) => {
  const [ledgerName, file] = args;
  const io = cliLedgers[ledgerName ?? ''];
  if (!io || !file) throw new CliError(`用法 / usage:\n${cliUsage}`);
  const ctx: ServiceContext = { db, crypto, actor: await actorFor(db, flag(args, 'as')) };
  if (command === 'import') {
    const isPreview = args.includes('--preview');
    const referenceDate = flag(args, 'reference-date');
    if (referenceDate !== undefined && !dateSchema.safeParse(referenceDate).success)
      throw new CliError('--reference-date 须写成 YYYY-MM-DD，如 2024-12-31');
    const job = await createImportJob(ctx, io, path.basename(file));
    const result = await runImport(
      ctx,
      io,
      job.id,
      readFileSync(file),
      path.basename(file),
      { defaultOrgUnitId: flag(args, 'org'), referenceDate, allowMoves: args.includes('--allow-moves') },
      isPreview ? 'preview' : 'commit',
    );
    const where = (i: { row: number; sheet?: string }) =>
      `${i.sheet ? `工作表“${i.sheet}”` : ''}第${i.row}行`;
    if (result.referenceDate) {
      const from = {
        option: '--reference-date',
        column: '表中统计日期',
        title: '表格标题中的日期',
        today: '今天',
      }[result.referenceDate.source];
      console.log(`年龄（周岁）按 ${result.referenceDate.date} 计算（${from}）`);
    }
    for (const w of result.warnings)
      console.log(`  提示：${where(w)} ${w.column} “${w.value}”：${w.message}`);
    if (result.status === 'succeeded') {
      const c = result.counts;
      const counts = `新增 ${c?.created}，更新 ${c?.updated}，未变 ${c?.unchanged}（共 ${result.total} 行）`;
      // A rehearsal writes nothing: the same checks and the ledger's own commit, rolled back.
      console.log(isPreview ? `预览（未写入）：将${counts}` : `导入成功：${counts}`);
      return 0;
    }
    console.error(`导入失败：${result.message ?? ''}`);
    for (const i of result.issues) console.error(`  ${where(i)} ${i.column} “${i.value}”：${i.message}`);
    return 1;
  }
  requirePermission(ctx.actor, io.permissions.export);
  const query = io.exportQuerySchema.parse({}) as never;
  await auditExport(ctx, io, { via: 'cli', file: path.basename(file) });
  const out = createWriteStream(file);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
  await writeXlsx(out, {
    sheetName: io.title,
    columns: await io.exportColumns(ctx, query),
    rows: await io.exportRows(ctx, query),
  });
  await finished;
  console.log(`已导出到 ${file}`);
  return 0;
};
