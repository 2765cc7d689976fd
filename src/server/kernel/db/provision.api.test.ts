import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { testConfig } from '../../test/test-app';
import { testDatabaseName } from '../../test/test-db';
import { DatabaseRoleError } from './app-role';
import { migrationCount } from './connection';
import { prepareDatabase, provisionDatabase } from './provision';

// Start-up against an external PostgreSQL, as main.ts does it: which URL migrates, which the app uses.

const ROLE = 'bbt_test_app_provision';
const databases: string[] = [];
const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};
const admin = async <T>(fn: (c: pg.Client) => Promise<T>, url = inject('adminUrl')) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};
const freshDatabase = async () => {
  const name = testDatabaseName('provision');
  await admin((c) => c.query(`create database "${name}" encoding 'UTF8' template template0`));
  databases.push(name);
  return withDatabase(inject('adminUrl'), name);
};
afterAll(async () => {
  for (const name of databases) await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
});

const secrets = (appDbPassword: string) => ({ ...testConfig().secrets, appDbPassword });

describe('an external PostgreSQL', () => {
  it('DATABASE_URL alone as a superuser: it migrates and the app connects as the restricted role it keeps', async () => {
    const url = await freshDatabase();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const password = randomBytes(12).toString('hex');
    const database = await provisionDatabase(testConfig({ databaseUrl: url, secrets: secrets(password) }), {
      appRole: ROLE,
    });
    expect(warn.mock.calls[0][0]).toContain('used for migrations only');
    warn.mockRestore();
    expect(database.isOwner).toBe(true);
    expect(new URL(database.appUrl).username).toBe(ROLE);
    await prepareDatabase(database, password);
    await admin(async (app) => {
      const { rows } = await app.query(
        'select current_user as role, (select count(*)::int from drizzle.__drizzle_migrations) as n',
      );
      expect(rows[0]).toEqual({ role: ROLE, n: migrationCount() });
      await expect(app.query('delete from audit_log')).rejects.toThrow(/permission denied/);
      await expect(app.query('alter table audit_log disable trigger all')).rejects.toThrow(/must be owner/);
      await app.query("insert into audit_log (module, action) values ('system', 'probe')");
      // A table a later migration creates (as the owner) is the app's to use without another grant.
      await admin((owner) => owner.query('create table later_feature (id int)'), url);
      await app.query('insert into later_feature values (1)');
    }, database.appUrl);
    // A second start with a new password (secrets.json restored from elsewhere) updates the role.
    const again = await provisionDatabase(
      testConfig({ databaseUrl: url, secrets: secrets(`${password}x`) }),
      { appRole: ROLE },
    );
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await prepareDatabase(again, `${password}x`);
    vi.restoreAllMocks();
    await admin((app) => app.query('select 1'), again.appUrl);
  });

  it('two URLs, the app’s being a superuser: refused before the app starts', async () => {
    const url = await freshDatabase();
    const database = await provisionDatabase(testConfig({ databaseUrl: url, databaseOwnerUrl: url }));
    expect(database.isAppRoleManaged).toBe(false);
    await expect(prepareDatabase(database, 'x')).rejects.toThrow(DatabaseRoleError);
    await expect(prepareDatabase(database, 'x')).rejects.toThrow(/is a superuser/);
  });

  it('a restricted DATABASE_URL alone on a database with migrations to apply: refused, naming the fix', async () => {
    const url = await freshDatabase();
    const password = randomBytes(12).toString('hex');
    await admin(async (c) => {
      await c.query(`drop role if exists ${ROLE}_only`);
      await c.query(`create role ${ROLE}_only login password '${password}'`);
    });
    const u = new URL(url);
    u.username = `${ROLE}_only`;
    u.password = password;
    const database = await provisionDatabase(testConfig({ databaseUrl: u.toString() }));
    expect(database.isOwner).toBe(false);
    await expect(prepareDatabase(database, 'x')).rejects.toThrow(/DATABASE_OWNER_URL/);
    await admin(async (c) => {
      await c.query(`drop owned by ${ROLE}_only`);
    }, url);
  });
});
