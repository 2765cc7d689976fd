import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import { setup, teardown } from './global-setup';
import { call, createTestApp, login, seedOrg } from './test-app';

/*
 * Two test runs on one PostgreSQL (CI's pass against the machine's own server, in which a test starts the
 * runner again; two developers sharing a server) must not touch each other's databases. Once, every run's
 * global setup dropped all test databases "with (force)": a nested run cut the connections of the outer
 * run's files mid-test, and CI failed on 500s that had nothing to do with the code under test.
 */
const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
  const c = new pg.Client({ connectionString: inject('adminUrl') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};
const exists = (name: string) =>
  admin((c) => c.query('select 1 from pg_database where datname = $1', [name])).then((r) => r.rowCount === 1);
const runName = (secondsAgo: number, rest: string) =>
  `bbt_t_r${Math.floor(Date.now() / 1000 - secondsAgo).toString(36)}zzz_${rest}`;

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('a second test run on the same PostgreSQL', () => {
  it("leaves this run's databases and connections alone, and removes only long-dead runs' leftovers", async () => {
    await seedOrg(t.db);
    const session = await login(t.app, 'sysadmin');
    const live = runName(3600, 'live');
    const stale = runName(7 * 3600, 'stale');
    await admin(async (c) => {
      await c.query(`create database "${live}"`);
      await c.query(`create database "${stale}"`);
    });
    const held = new pg.Client({ connectionString: t.ownerUrl });
    await held.connect();

    const provided: Record<string, string> = {};
    const project = { provide: (k: string, v: string) => (provided[k] = v) } as unknown as TestProject;
    const before = process.env.DATABASE_URL;
    process.env.DATABASE_URL = inject('adminUrl');
    try {
      await setup(project);
      expect(provided.templateDb).not.toBe(inject('templateDb'));
      expect(provided.dbPrefix).not.toBe(inject('dbPrefix'));
      expect(await exists(provided.templateDb)).toBe(true);
      await teardown();
    } finally {
      if (before === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = before;
    }

    // The other run is gone without a trace; this one's app, pool and held connection still work.
    expect(await exists(provided.templateDb)).toBe(false);
    expect((await held.query('select 1 as one')).rows[0].one).toBe(1);
    await held.end();
    expect((await call(t.app, session, 'GET', '/api/v1/org/units')).statusCode).toBe(200);
    expect(await exists(inject('templateDb'))).toBe(true);
    expect(await exists(live)).toBe(true);
    expect(await exists(stale)).toBe(false);
    await admin((c) => c.query(`drop database "${live}"`));
  }, 120_000);
});
