import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createTestApp, login, seedOrg } from '../../test/test-app';
import {
  currentRowScope,
  enableRowSecurity,
  outsideRowScope,
  rowScopedTables,
  runInRowScope,
  setRowScope,
} from './row-scope';

// The first wall taken down for this file: `scoped()` lets every row through, as a repository that forgot
// it would. What a user still cannot reach is the database's own wall.
vi.mock('../access/access', async (importOriginal) => {
  const original = await importOriginal<typeof import('../access/access')>();
  return { ...original, scoped: () => sql`true` };
});

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;

const personIn = async (unit: keyof typeof org.units, name: string) => {
  const u = org.units[unit];
  const { rows } = await t.ownerQuery(
    `insert into persons (id, org_unit_id, org_path, name, name_pinyin)
       values (gen_random_uuid(), $1, $2, $3, '') returning id`,
    [u.id, u.path, name],
  );
  return rows[0].id as string;
};

/** As the app's restricted role, under `path` (what a request of a user of that unit runs under). */
const asUnit = <T>(path: string, fn: () => Promise<T>) =>
  runInRowScope(async () => {
    setRowScope(path);
    return await fn();
  });

let inA1: string;
let inB1: string;
let inTownA: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  inA1 = await personIn('villageA1', '甲一村测试人');
  inB1 = await personIn('villageB1', '乙一村测试人');
  inTownA = await personIn('townA', '甲镇测试人');
});
afterAll(() => t.close());

describe('row-level security behind scoped()', () => {
  it('covers every table with an org_path but the audit log, with all four policies', async () => {
    const tables = await rowScopedTables(t.db.$client);
    expect(tables.length).toBeGreaterThan(25);
    expect(tables).toContain('persons');
    expect(tables).toContain('share_links');
    expect(tables).not.toContain('audit_log');
    const { rows } = await t.ownerQuery(
      `select c.relname as table, c.relrowsecurity as on,
              (select count(*)::int from pg_policy p where p.polrelid = c.oid and p.polname like 'bbt_scope_%') as n
         from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = 'public' and c.relname = any($1)`,
      [tables],
    );
    expect(rows).toHaveLength(tables.length);
    for (const r of rows)
      expect({ table: r.table, on: r.on, n: r.n }).toEqual({ table: r.table, on: true, n: 4 });
  });

  it('a second start rewrites nothing: no lock is taken on a table a live request is reading', async () => {
    const owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    const reader = await t.db.$client.connect();
    try {
      await reader.query('begin');
      await reader.query('select count(*) from persons');
      await owner.query(`set lock_timeout = '2s'`);
      // Rewriting a policy on persons would wait for the reader, and fail after 2 s.
      await expect(enableRowSecurity(owner)).resolves.toEqual({ isEnabled: true });
    } finally {
      await reader.query('rollback');
      reader.release();
      await owner.end();
    }
  });

  it('a query that forgot its scope reads only her subtree and the units above it', async () => {
    const ids = async (path: string) =>
      asUnit(path, async () =>
        (await t.db.execute<{ id: string }>(sql`select id from persons`)).rows.map((r) => r.id),
      );
    const village = await ids(org.units.villageA1.path);
    expect(village).toContain(inA1);
    expect(village).toContain(inTownA);
    expect(village).not.toContain(inB1);
    const townB = await ids(org.units.townB.path);
    expect(townB).toEqual([inB1]);
    // The system (no user): everything.
    const all = (await t.db.execute<{ id: string }>(sql`select id from persons`)).rows.map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([inA1, inB1, inTownA]));
  });

  it('writes outside her subtree touch nothing or are refused, in a transaction too', async () => {
    const a1 = org.units.villageA1.path;
    const updated = await asUnit(a1, () =>
      t.db.execute(sql`update persons set name = '改' where id in (${inB1}, ${inTownA})`),
    );
    expect(updated.rowCount).toBe(0);
    const deleted = await asUnit(a1, () => t.db.execute(sql`delete from persons where id = ${inB1}`));
    expect(deleted.rowCount).toBe(0);
    const b1 = org.units.villageB1;
    await expect(
      asUnit(a1, () =>
        t.db.transaction((tx) =>
          tx.execute(
            sql`insert into persons (id, org_unit_id, org_path, name, name_pinyin)
                  values (gen_random_uuid(), ${b1.id}, ${b1.path}, '越界', '')`,
          ),
        ),
      ),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
    // Nor can she move her own row out of her subtree.
    await expect(
      asUnit(a1, () => t.db.execute(sql`update persons set org_path = ${b1.path} where id = ${inA1}`)),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
    const { rows } = await t.ownerQuery(
      'select name, org_path from persons where id = any($1) order by name',
      [[inB1, inTownA, inA1]],
    );
    expect(rows.map((r) => r.name).sort()).toEqual(['乙一村测试人', '甲一村测试人', '甲镇测试人'].sort());
  });

  it("the county's own scope is the system's: every row is hers, and the policies need not check each", async () => {
    expect(await asUnit(org.units.county.path, async () => currentRowScope())).toBe('');
    expect(await asUnit(org.units.townA.path, async () => currentRowScope())).toBe(org.units.townA.path);
    expect(currentRowScope()).toBe('');
  });

  it('outsideRowScope sees past the wall for its statements only, on the pool and in a transaction', async () => {
    const a1 = org.units.villageA1.path;
    const count = (db: { execute: typeof t.db.execute }) =>
      db
        .execute<{ n: number }>(sql`select count(*)::int as n from persons where id = ${inB1}`)
        .then((r) => r.rows[0].n);
    await asUnit(a1, async () => {
      expect(await count(t.db)).toBe(0);
      expect(await outsideRowScope(t.db, () => count(t.db))).toBe(1);
      expect(await count(t.db)).toBe(0);
      await t.db.transaction(async (tx) => {
        expect(await count(tx)).toBe(0);
        expect(await outsideRowScope(tx, () => count(tx))).toBe(1);
        expect(await count(tx)).toBe(0);
      });
    });
  });

  it('through the API, with scoped() gone, a village chair still gets nothing of another town', async () => {
    const chair = await login(t.app, 'villageA1');
    const list = await call(
      t.app,
      chair,
      'GET',
      `/api/v1/people/persons?orgUnitId=${org.units.villageA1.id}`,
    );
    expect(list.statusCode, list.body).toBe(200);
    const listed = (list.json() as { items: { id: string }[] }).items.map((p) => p.id);
    expect(listed).toContain(inA1);
    expect(listed).not.toContain(inB1);
    // The mock lets her name the other town's village (requireAccess checks units with scoped()):
    // the list is empty, the record is not found, and a new record there is refused.
    const foreign = await call(
      t.app,
      chair,
      'GET',
      `/api/v1/people/persons?orgUnitId=${org.units.villageB1.id}`,
    );
    // (Refused outright where the service checks the unit's path itself; empty where only scoped() did.)
    expect([200, 404]).toContain(foreign.statusCode);
    expect(foreign.body).not.toContain(inB1);
    expect(foreign.body).not.toContain('乙一村测试人');
    const read = await call(t.app, chair, 'GET', `/api/v1/people/persons/${inB1}`);
    expect(read.statusCode).toBe(404);
    const created = await call(t.app, chair, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units.villageB1.id,
      name: '越界登记',
    });
    expect(created.statusCode, created.body).toBe(404);
    const { rows } = await t.ownerQuery(`select count(*)::int as n from persons where name = '越界登记'`);
    expect(rows[0].n).toBe(0);
  });
});
