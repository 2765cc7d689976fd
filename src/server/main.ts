import { buildApp } from './app';
import { auditUsage, runAuditCommand } from './cli/audit-cli';
import { backupUsage, runBackupCommand } from './cli/backup-cli';
import { CliError, cliUsage, runIoCommand } from './cli/io-cli';
import { ConfigError, loadConfig } from './config';
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, seedDemo } from './demo/seed-demo';
import { purgeExpiredSessions } from './kernel/auth/sessions';
import { DatabaseRoleError } from './kernel/db/app-role';
import { createDb } from './kernel/db/connection';
import { prepareDatabase, provisionDatabase } from './kernel/db/provision';
import { createFieldCrypto } from './kernel/privacy/field-crypto';

const usage = `用法 / usage: npm run cli -- <command>
  serve       start the server (default)
  migrate     apply database migrations and exit
  seed-demo   load the demo organization into an empty database and exit
${cliUsage}
${backupUsage}
${auditUsage}`;

const printDemoLogins = (port: number) => {
  console.log('\n半边天 Banbiantian — 演示数据 (demo mode)');
  console.log(`  打开 / open: http://localhost:${port}`);
  for (const a of demoAccounts) console.log(`  ${a.username.padEnd(8)} ${a.note}（${a.unit}）`);
  console.log(`  密码 / password: ${DEMO_PASSWORD}\n`);
};

const main = async () => {
  const command = process.argv[2] ?? 'serve';
  if (
    !['serve', 'migrate', 'seed-demo', 'import', 'export', 'backup', 'restore', 'audit'].includes(command)
  ) {
    console.error(usage);
    process.exit(2);
  }
  const config = loadConfig();
  // Backup and restore find (or start) the database themselves: backup runs beside a live server,
  // restore refuses one.
  if (command === 'backup' || command === 'restore')
    return process.exit(await runBackupCommand(config, command, process.argv.slice(3)));
  const database = await provisionDatabase(config);
  let isStopping = false;
  // While stopping, PostgreSQL ending idle connections is expected, not worth a line.
  const db = createDb(
    database.appUrl,
    (e) => isStopping || console.error('[db] idle client error:', e.message),
  );
  const stop = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    await db.$client.end().catch(() => {});
    await database.stop();
    process.exit(code);
  };
  try {
    await prepareDatabase(database, config.secrets.appDbPassword);
    if (command === 'migrate') return stop(0);
    if (command === 'audit') return stop(await runAuditCommand(db, process.argv.slice(3)));
    if (command === 'import' || command === 'export') {
      return stop(
        await runIoCommand(db, createFieldCrypto(config.secrets.fieldKey), command, process.argv.slice(3)),
      );
    }
    const isEmpty = await isDatabaseEmpty(db);
    if (command === 'seed-demo' || (config.isDemo && isEmpty)) {
      if (isEmpty) await seedDemo(db, createFieldCrypto(config.secrets.fieldKey));
      else console.log('数据库非空，未加载演示数据 / database not empty, demo not loaded');
      if (command === 'seed-demo') return stop(0);
    }
    const app = await buildApp({
      config,
      db,
      logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, async () => {
        console.log(`\n${signal}: stopping (PostgreSQL ${database.isEmbedded ? 'embedded' : 'external'})…`);
        await app.close().catch(() => {});
        await stop(0);
      });
    }
    setInterval(() => purgeExpiredSessions(db, config.sessionIdleMs).catch(() => {}), 10 * 60_000).unref();
    await app.listen({ port: config.port, host: config.host });
    if (database.isEmbedded)
      console.log(`PostgreSQL (embedded) on 127.0.0.1:${database.port}, data in ${config.dataDir}/pg`);
    if (config.isDemo) printDemoLogins(config.port);
  } catch (e) {
    console.error(
      e instanceof ConfigError || e instanceof CliError || e instanceof DatabaseRoleError ? e.message : e,
    );
    await stop(1);
  }
};

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
