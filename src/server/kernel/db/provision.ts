import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../config';
import {
  APP_ROLE,
  assertRestrictedRole,
  DatabaseRoleError,
  ensureAppRole,
  grantAppRole,
  roleFacts,
  roleOfUrl,
  urlAsRole,
} from './app-role';
import { createDb, migrationCount, runMigrations } from './connection';
import { acquireDataDirLock, dataDirOwner } from './data-dir-lock';
import { type EmbeddedEvent, runningPostmaster, startEmbeddedPostgres } from './embedded';

export const DATABASE_NAME = 'banbiantian';

export type ProvisionedDatabase = {
  /**
   * The owner's URL — migrations, grants, backup and restore. When only a restricted DATABASE_URL is
   * configured, that URL, and `isOwner` is false: someone else migrates
   * (`DATABASE_OWNER_URL=… npm run cli -- migrate`).
   */
  url: string;
  isOwner: boolean;
  /** The restricted role the app's pool connects as. */
  appUrl: string;
  /** The app role's password is ours (secrets.json): create or update the role before connecting. */
  isAppRoleManaged: boolean;
  isEmbedded: boolean;
  port?: number;
  /** The embedded PostgreSQL was left running by a killed server and was stopped before this start. */
  reclaimedPid?: number;
  /** Whether this process started the database (and `stop` stops it). */
  isStartedHere: boolean;
  stop: () => Promise<void>;
};

const ensureDatabase = async (adminUrl: string, name: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}" encoding 'UTF8' template template0`);
  } finally {
    await client.end();
  }
};

const withClient = async <T>(url: string, fn: (c: pg.Client) => Promise<T>) => {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
};

/** Where the embedded PostgreSQL keeps its cluster (the server starts it there; backups read its pid file). */
export const embeddedPgDir = (config: Config) => path.join(config.dataDir, 'pg');

/** Where the embedded PostgreSQL archives its WAL (R29: with the base backups, recovery to any moment). */
export const walArchiveDir = (config: Config) => path.join(config.dataDir, 'wal-archive');

/**
 * An external database with DATABASE_URL only. A superuser or CREATEROLE role is taken as the owner: it
 * migrates and keeps the restricted role `bbt_app` (password in secrets.json), and the app connects as
 * that — said loudly, since the better set-up is two URLs. Any other role is taken as the app's own.
 */
const externalSingleUrl = async (
  url: string,
  appRole: string,
  appPassword: string,
): Promise<ProvisionedDatabase> => {
  const facts = await withClient(url, roleFacts);
  const base = { isEmbedded: false, isStartedHere: false, stop: async () => {} };
  if (!facts.isSuperuser && !facts.canCreateRole)
    return { ...base, url, isOwner: false, appUrl: url, isAppRoleManaged: false };
  console.warn(
    `[db] DATABASE_URL 的角色 ${facts.role} 是${facts.isSuperuser ? '超级用户' : '可建角色的用户'}：` +
      `只用于迁移，应用以受限角色 ${appRole} 连接（密码在 secrets.json）。建议改用 DATABASE_OWNER_URL + 受限的 DATABASE_URL。\n` +
      `[db] DATABASE_URL's role ${facts.role} is ${facts.isSuperuser ? 'a superuser' : 'a CREATEROLE role'}: ` +
      `used for migrations only; the app connects as the restricted role ${appRole}. ` +
      'Better: DATABASE_OWNER_URL for the owner and a restricted DATABASE_URL (docs/DEPLOY.md).',
  );
  return {
    ...base,
    url,
    isOwner: true,
    appUrl: urlAsRole(url, appRole, appPassword),
    isAppRoleManaged: true,
  };
};

export type ProvisionOptions = {
  /** What this process is (written in the data directory's lock: `serve`, `import`, `backup` …). */
  command?: string;
  onLog?: (m: string) => void;
  /** Progress worth a line on the terminal (taking over after a crash). */
  onNotice?: (m: string) => void;
  /** The server: restart PostgreSQL if it dies (see EmbeddedOptions.isSupervised). */
  isSupervised?: boolean;
  onEvent?: (e: EmbeddedEvent) => void;
  /**
   * When another process (the running server) holds the data directory, use its PostgreSQL instead of
   * refusing: for commands that only read and write rows, never for ones that change the schema or files.
   */
  mayShareRunning?: boolean;
  /** The restricted role's name when the app manages it (tests use their own, never a server's). */
  appRole?: string;
};

/**
 * Finds or starts the database: DATABASE_URL (+ DATABASE_OWNER_URL) when given (nothing is started),
 * otherwise the embedded PostgreSQL under the data dir, after taking the data directory's lock (a second
 * process is refused with a message naming the holder; what a killed one left behind is reclaimed).
 * Returns the owner's and the app role's URLs; `prepareDatabase` then migrates and grants.
 */
export const provisionDatabase = async (
  config: Config,
  options: ProvisionOptions = {},
): Promise<ProvisionedDatabase> => {
  const appRole = options.appRole ?? APP_ROLE;
  const appPassword = config.secrets.appDbPassword;
  if (config.databaseUrl && config.databaseOwnerUrl)
    return {
      url: config.databaseOwnerUrl,
      isOwner: true,
      appUrl: config.databaseUrl,
      isAppRoleManaged: false,
      isEmbedded: false,
      isStartedHere: false,
      stop: async () => {},
    };
  if (config.databaseUrl) return externalSingleUrl(config.databaseUrl, appRole, appPassword);
  const embeddedUrls = (ownerUrl: string) => ({
    url: ownerUrl,
    isOwner: true,
    appUrl: urlAsRole(ownerUrl, appRole, appPassword),
    isAppRoleManaged: true,
    isEmbedded: true,
    port: Number(new URL(ownerUrl).port),
  });
  if (options.mayShareRunning && dataDirOwner(config.dataDir)) {
    const pm = runningPostmaster(embeddedPgDir(config));
    if (pm)
      return {
        ...embeddedUrls(
          `postgres://postgres:${encodeURIComponent(config.secrets.pgPassword)}@127.0.0.1:${pm.port}/${DATABASE_NAME}`,
        ),
        isStartedHere: false,
        stop: async () => {},
      };
  }
  const lock = await acquireDataDirLock(config.dataDir, options.command ?? 'serve', options.onNotice);
  try {
    const embedded = await startEmbeddedPostgres(
      embeddedPgDir(config),
      config.secrets.pgPassword,
      options.onLog,
      {
        walArchiveDir: walArchiveDir(config),
        isSupervised: options.isSupervised,
        onEvent: options.onEvent,
      },
    );
    const stop = async () => {
      await embedded.stop();
      lock.release();
    };
    try {
      await ensureDatabase(embedded.url('postgres'), DATABASE_NAME);
    } catch (e) {
      await stop();
      throw e;
    }
    return {
      ...embeddedUrls(embedded.url(DATABASE_NAME)),
      reclaimedPid: lock.reclaimed?.pid,
      isStartedHere: true,
      stop,
    };
  } catch (e) {
    lock.release();
    throw e;
  }
};

/**
 * As the owner: applies the migrations, creates or updates the app role (when it is ours) and grants it
 * its privileges — after every migration, so new tables are covered. Then, as the app role: refuses a
 * role that could rewrite the audit log, and a database with migrations still to apply.
 */
export const prepareDatabase = async (database: ProvisionedDatabase, appPassword: string) => {
  const appRole = roleOfUrl(database.appUrl);
  if (database.isOwner) {
    const owner = createDb(database.url, () => {}, 1);
    try {
      await runMigrations(owner);
      const client = await owner.$client.connect();
      try {
        if (database.isAppRoleManaged) await ensureAppRole(client, appRole, appPassword);
        await grantAppRole(client, appRole);
      } finally {
        client.release();
      }
    } finally {
      await owner.$client.end();
    }
  }
  await withClient(database.appUrl, async (app) => {
    assertRestrictedRole(await roleFacts(app));
    const { rows } = await app
      .query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')
      .catch(() => ({ rows: [{ n: 0 }] }));
    const known = migrationCount();
    if (rows[0].n < known)
      throw new DatabaseRoleError(
        `数据库还有 ${known - rows[0].n} 个迁移未执行，应用角色无权执行：请用所有者的连接执行 ` +
          '`DATABASE_OWNER_URL=… DATABASE_URL=… npm run cli -- migrate`。\n' +
          `The database lacks ${known - rows[0].n} migration(s) and the app's role may not apply them: ` +
          'run `npm run cli -- migrate` with DATABASE_OWNER_URL set to the owner.',
      );
  });
};
