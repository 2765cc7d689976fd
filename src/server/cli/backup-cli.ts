import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Config } from '../config';
import {
  type ArchiveInfo,
  BackupError,
  KEY_TABLES,
  RestoreCancelled,
  runBackup,
  runRestore,
  type TableCounts,
} from '../ops/backup';
import {
  BaseRestoreCancelled,
  type BaseRestoreInfo,
  runBaseBackup,
  runBaseRestore,
} from '../ops/base-backup';

export const backupUsage = `  backup [--out <file.dump>] [--verify]
              pg_dump -Fc of the database (server may be running); default <data dir>/backups/
              --verify also restores it into a scratch database and compares every table's rows
  backup --base [--out <dir>] [--keep N]
              physical base backup of the embedded PostgreSQL (pg_basebackup, server may be running)
              into <data dir>/backups/base-<time>/; keeps the newest N (7) and prunes older archived WAL
  restore <file.dump> [--yes] [--keep-previous] [--allow-key-mismatch]
              replace ALL data with the backup (server must be stopped), then migrate
  restore --base <dir> [--until "2026-11-29 10:00:00+08"] [--yes]
              point-in-time recovery of the embedded PostgreSQL: base backup + <data dir>/wal-archive,
              up to --until or everything archived (server must be stopped; old pg/ moved aside)`;

const flagValue = (args: string[], name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;

const countLines = (counts: TableCounts) => {
  const tables = Object.keys(counts);
  const total = tables.reduce((s, t) => s + counts[t], 0);
  const keys = KEY_TABLES.filter((t) => t in counts).map((t) => `${t} ${counts[t]}`);
  return [
    `  行数 / rows:  ${keys.join('，')}`,
    `               共 ${tables.length} 张表 ${total} 行 / tables, rows`,
  ];
};

const keyNotes = (config: Config) => [
  '  注意 / note:',
  '   - 备份文件含个人信息（姓名等为明文），权限 0600；异地保存时请加密并限制可读的人。',
  `   - 身份证号、电话用字段密钥加密，密钥在 ${path.join(config.dataDir, 'secrets.json')}（fieldKey）——`,
  '     它不在备份文件里，没有它这些字段无法恢复。请另行安全保存一份（不要和备份文件放在一起）。',
  '     The field-encryption key (secrets.json) is NOT in the backup; without it ID numbers and phones',
  '     cannot be read. Keep a copy of secrets.json somewhere safe, apart from the backups.',
  `   - 照片文件在 ${path.join(config.dataDir, 'uploads')}，不在本备份中，请一并复制 / photos are files: copy uploads/ too.`,
];

const baseBackup = async (config: Config, args: string[]) => {
  const keep = flagValue(args, 'keep');
  const result = await runBaseBackup(config, {
    out: flagValue(args, 'out'),
    keep: keep === undefined ? undefined : Number(keep),
    log: (l) => console.log(l),
  });
  console.log(
    [
      '基础备份完成 / base backup written',
      `  目录 / dir:   ${result.dir}（${formatBytes(result.bytes)}，权限 0700/0600）`,
      `  开始于:       ${result.startedAt ?? '?'}，时间线 ${result.timeline}，起始 WAL ${result.startWal}`,
      `  数据库:       PostgreSQL ${result.serverVersion}，${result.tools.pgBasebackup}（${result.tools.major}）`,
      result.isVerified
        ? '  校验 / check: pg_verifybackup 通过（文件与 WAL 均与清单一致）'
        : '  校验 / check: 未安装 pg_verifybackup，只检查了文件齐全',
      `  清理 / prune: 删除旧基础备份 ${result.removedBackups.length} 个，归档中更早的 WAL ${result.removedWal} 个（${result.archiveDir}）`,
      '  请把本目录和 wal-archive/ 一起复制到另一块磁盘或另一台机器 / copy this and wal-archive/ off-site',
      ...keyNotes(config),
    ].join('\n'),
  );
  return 0;
};

const backup = async (config: Config, args: string[]) => {
  if (args.includes('--base')) return baseBackup(config, args);
  const result = await runBackup(config, {
    out: flagValue(args, 'out'),
    verify: args.includes('--verify'),
    log: (l) => console.log(l),
  });
  console.log(
    [
      '备份完成 / backup written',
      `  文件 / file:  ${result.file}（${formatBytes(result.bytes)}，权限 0600）`,
      `  数据库:       PostgreSQL ${result.serverVersion}，${result.tools.pgDump}（${result.tools.major}），迁移 ${result.migrations} 个`,
      ...countLines(result.counts),
      `  校验 / check: pg_restore --list 可读，${Object.keys(result.counts).length} 张表的数据都在`,
      ...(result.verifiedTables === undefined
        ? []
        : [
            `               试恢复到临时数据库：${result.verifiedTables} 张表行数全部一致 / trial restore matched`,
          ]),
      ...keyNotes(config),
    ].join('\n'),
  );
  return 0;
};

const askLine = async () => {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    // End of input (cron, < /dev/null) is a no, not a hang.
    return await new Promise<boolean>((resolve) => {
      rl.once('close', () => resolve(false));
      rl.question('输入 yes 继续 / type yes to continue: ').then(
        (answer) => resolve(['yes', '是'].includes(answer.trim().toLowerCase())),
        () => resolve(false),
      );
    });
  } finally {
    rl.close();
  }
};

const askYes = async (archive: ArchiveInfo, database: string, file: string) => {
  console.log(
    [
      `即将用备份替换数据库 ${database} 的全部数据 / this REPLACES ALL DATA in ${database}:`,
      `  备份文件: ${file}`,
      `  创建于:   ${archive.createdAt ?? '?'}（PostgreSQL ${archive.serverVersion ?? '?'}，库名 ${archive.dbname ?? '?'}）`,
      '  备份之后的所有改动都会丢失；如需保留，请先执行 npm run backup。',
    ].join('\n'),
  );
  return askLine();
};

const askYesBase = async (info: BaseRestoreInfo) => {
  console.log(
    [
      '即将用基础备份和 WAL 归档重建嵌入式 PostgreSQL 的全部数据 / this REBUILDS the whole cluster:',
      `  基础备份: ${info.dir}`,
      `  WAL 归档: ${info.archiveDir}（${info.archivedFiles} 个文件）`,
      `  恢复到:   ${info.until ?? '归档中的最后一个事务 / the end of the archive'}`,
      `  现有数据目录 ${info.pgDir} 会移到旁边保留（不删除）。`,
    ].join('\n'),
  );
  return askLine();
};

const restoreBase = async (config: Config, args: string[]) => {
  const dir = flagValue(args, 'base');
  if (!dir || dir.startsWith('--')) {
    console.error(`用法 / usage:\n${backupUsage}`);
    return 2;
  }
  const result = await runBaseRestore(config, dir, {
    until: flagValue(args, 'until'),
    confirm: (info) => (args.includes('--yes') ? Promise.resolve(true) : askYesBase(info)),
    log: (l) => console.log(l),
  });
  console.log(
    [
      `恢复完成 / recovered: ${result.pgDir} ← ${result.dir}（基础备份开始于 ${result.startedAt ?? '?'}）`,
      `  恢复到 / recovered to: ${result.recoveredTo ?? '基础备份时刻（其后无事务）/ the base backup (no later transaction)'}` +
        `（最后重放的事务时间 / last replayed transaction），新时间线 ${result.timeline}`,
      ...(result.previous ? [`  原数据目录保留在 ${result.previous}（确认无误后可删除）`] : []),
      '  所有用户需要重新登录（会话已清空）/ everyone signs in again',
      '  启动服务后请先核对数据；立即做一次 npm run backup -- --base / take a new base backup now',
    ].join('\n'),
  );
  return 0;
};

const restore = async (config: Config, args: string[]) => {
  if (args.includes('--base')) return restoreBase(config, args);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error(`用法 / usage:\n${backupUsage}`);
    return 2;
  }
  const result = await runRestore(config, file, {
    confirm: (archive, database) =>
      args.includes('--yes') ? Promise.resolve(true) : askYes(archive, database, file),
    keepPrevious: args.includes('--keep-previous'),
    allowKeyMismatch: args.includes('--allow-key-mismatch'),
    log: (l) => console.log(l),
  });
  console.log(
    [
      `恢复完成 / restored: 数据库 ${result.database} ← ${path.resolve(file)}（备份于 ${result.archive.createdAt ?? '?'}）`,
      ...countLines(result.counts),
      result.isFieldKeyChecked
        ? '  字段密钥 / field key: 本机 secrets.json 能解密备份中的加密字段 ✓'
        : '  字段密钥 / field key: 未检查（备份中没有加密字段，或加了 --allow-key-mismatch）',
      '  所有用户需要重新登录（会话已清空）/ everyone signs in again',
      ...(result.previous ? [`  原数据库保留为 ${result.previous}（确认无误后可删除）`] : []),
      `  照片文件不在数据库备份中：如需恢复，请把备份的 uploads/ 放回 ${path.join(config.dataDir, 'uploads')}`,
    ].join('\n'),
  );
  return 0;
};

/** `backup` and `restore`: the exit code; operator mistakes print their message only. */
export const runBackupCommand = async (config: Config, command: 'backup' | 'restore', args: string[]) => {
  try {
    return command === 'backup' ? await backup(config, args) : await restore(config, args);
  } catch (e) {
    if (e instanceof RestoreCancelled || e instanceof BaseRestoreCancelled) {
      console.error(`\n${e.message}（非交互运行请加 --yes / pass --yes when not interactive）`);
      return 1;
    }
    if (e instanceof BackupError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
};
