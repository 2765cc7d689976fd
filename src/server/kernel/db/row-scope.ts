import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';

/**
 * Row-level security: the database's own wall behind `scoped()` (issue 12, R-series "second wall").
 *
 * Every table with an `org_path` (the ledgers and the kernel's share links; the audit log excepted: an
 * access denial is audited on the row it was refused) gets policies that read a per-connection setting,
 * `bbt.scope`, holding the signed-in user's unit path:
 * - she reads rows of her subtree and of her unit's ancestors (settings handed down: rubrics, rules,
 *   report definitions — the same rows `scoped()` and `scopedAbove()` let through);
 * - she inserts, updates and deletes only rows of her subtree, and cannot move a row out of it.
 * An empty setting is the system (migrations, the CLI, demo seeding, scheduled work, sign-in): no limit.
 *
 * The setting follows the request, not the code: an `AsyncLocalStorage` store opened for every request and
 * filled once its session is known, and the pool sets it on each connection it hands out (only when the
 * connection's last value differs). A repository query that forgot `scoped()` then still sees nothing
 * outside her subtree, and a write there touches no row or is refused.
 */
type RowScope = { path: string };

const storage = new AsyncLocalStorage<RowScope>();

/** Opens a request's scope (empty until `setRowScope`); everything awaited inside `fn` shares it. */
export const runInRowScope = <T>(fn: () => T, path = ''): T => storage.run({ path }, fn);

/**
 * The signed-in user's unit path, for the rest of the request (a no-op outside `runInRowScope`). The
 * county's own path (one segment: the deployment's root) holds every row, so it is the system scope: the
 * policies then cost one comparison per statement, not one per row of a county-wide figure.
 */
export const setRowScope = (path: string) => {
  const store = storage.getStore();
  if (store) store.path = path.split('/').filter(Boolean).length <= 1 ? '' : path;
};

/** The path the next query runs under ('' = system). */
export const currentRowScope = () => storage.getStore()?.path ?? '';

/**
 * Runs `fn` past the row-level wall, for the few lookups that must see the whole county by design and
 * answer without revealing what they saw: a client id or an ID number already used elsewhere (answered as
 * a plain conflict), a foreign record's existence (answered as 404, audited as a denial). `db` is what
 * `fn` queries with: in a transaction the setting is switched for the statements of `fn` and restored
 * after it; on the pool `fn` runs in the system scope.
 */
export const outsideRowScope = async <T>(db: object, fn: () => Promise<T>): Promise<T> => {
  // Awaited inside: a drizzle query is a thenable that runs only when awaited, which must be in the scope.
  if (!('rollback' in db)) return runInRowScope(async () => await fn(), '');
  const tx = db as unknown as { execute: (q: SQL) => Promise<unknown> };
  await tx.execute(sql`select set_config('bbt.scope', '', true)`);
  let failed = false;
  try {
    return await fn();
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    const restore = tx.execute(sql`select set_config('bbt.scope', ${currentRowScope()}, true)`);
    // After a failed statement the transaction is aborted (and will roll back): the first error stands.
    if (failed) await restore.catch(() => undefined);
    else await restore;
  }
};

type ScopedClient = pg.PoolClient & { bbtRowScope?: string };

const prepare = async (client: ScopedClient) => {
  const want = currentRowScope();
  // A fresh connection has no setting, which the policies read as ''.
  if ((client.bbtRowScope ?? '') === want) return;
  await client.query(`select set_config('bbt.scope', $1, false)`, [want]);
  client.bbtRowScope = want;
};

/**
 * Makes the pool set `bbt.scope` on every connection it hands out: `connect()` (transactions) and
 * `query()` (single statements, which pg-pool runs on a checked-out connection anyway).
 */
export const applyRowScope = (pool: pg.Pool) => {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const scopedConnect = async (): Promise<pg.PoolClient> => {
    const client = await connect();
    try {
      await prepare(client);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    return client;
  };
  const query = async (...args: unknown[]) => {
    const client = await scopedConnect();
    try {
      const result = await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
      client.release();
      return result;
    } catch (error) {
      // As pg-pool does: a client whose statement failed is not handed out again.
      client.release(error as Error);
      throw error;
    }
  };
  const withCallback =
    <A extends unknown[]>(fn: (...a: A) => Promise<unknown>) =>
    (...args: unknown[]) => {
      const last = args[args.length - 1];
      if (typeof last !== 'function') return fn(...(args as A));
      const done = last as (error: unknown, result?: unknown) => void;
      fn(...(args.slice(0, -1) as A)).then(
        (result) => done(null, result),
        (error) => done(error),
      );
      return undefined;
    };
  pool.connect = withCallback(scopedConnect) as unknown as typeof pool.connect;
  pool.query = withCallback(query) as unknown as typeof pool.query;
  return pool;
};

/** Tables whose rows the app writes for units outside the writer's subtree, by design. */
const UNSCOPED_TABLES = new Set(['audit_log']);

/**
 * Rows handed down the tree that units below also update, by design: a town's 募捐活动 keeps its balance,
 * and a village's donation or disbursement request moves it (under the row's lock, never its unit).
 */
const UPDATED_FROM_BELOW = new Set(['fundraising_drives']);

const policies = (table: string) => {
  const t = `"${table}"`;
  // In sub-selects, the setting is read once per statement (init plans), not once per row; the system
  // scope is then a single boolean the rows' check short-circuits on.
  const scope = `(select bbt_row_scope())`;
  const isSystem = `(select bbt_row_scope() = '')`;
  const within = `(${isSystem} or starts_with(org_path, ${scope}))`;
  const readable = `(${isSystem} or starts_with(org_path, ${scope}) or starts_with(${scope}, org_path))`;
  return [
    `alter table ${t} enable row level security`,
    `drop policy if exists bbt_scope_read on ${t}`,
    `create policy bbt_scope_read on ${t} for select using ${readable}`,
    `drop policy if exists bbt_scope_insert on ${t}`,
    `create policy bbt_scope_insert on ${t} for insert with check ${within}`,
    `drop policy if exists bbt_scope_update on ${t}`,
    UPDATED_FROM_BELOW.has(table)
      ? `create policy bbt_scope_update on ${t} for update using ${readable} with check ${readable}`
      : `create policy bbt_scope_update on ${t} for update using ${within} with check ${within}`,
    `drop policy if exists bbt_scope_delete on ${t}`,
    `create policy bbt_scope_delete on ${t} for delete using ${within}`,
  ];
};

type Queryable = Pick<pg.Client, 'query'>;

/** The org-scoped tables of this database: every public table with an `org_path`, the audit log excepted. */
export const rowScopedTables = async (db: Queryable): Promise<string[]> => {
  const { rows } = await db.query<{ table: string }>(
    `select c.table_name as table from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and c.column_name = 'org_path' and t.table_type = 'BASE TABLE'
      order by 1`,
  );
  return rows.map((r) => r.table).filter((t) => !UNSCOPED_TABLES.has(t));
};

/**
 * As the owner, after every migration (idempotent): the policies on every org-scoped table. The owner
 * itself is not subject to them (it migrates, backs up and restores); the app's restricted role is.
 */
export const enableRowSecurity = async (owner: Queryable) => {
  // Runs at every start and CLI command, beside a live server: DDL on a table takes an ACCESS EXCLUSIVE
  // lock (a CI run once deadlocked on it), so nothing is rewritten that is already as this version wants it.
  // The function's comment carries a fingerprint of the policies' text.
  const fingerprint = `bbt-rls ${createHash('sha256')
    .update(JSON.stringify([policies('t'), [...UPDATED_FROM_BELOW]]))
    .digest('hex')
    .slice(0, 16)}`;
  const { rows: fn } = await owner.query<{ note: string | null }>(
    `select obj_description(p.oid, 'pg_proc') as note from pg_proc p
      where p.proname = 'bbt_row_scope' and p.pronamespace = 'public'::regnamespace`,
  );
  const isCurrent = fn[0]?.note === fingerprint;
  if (!isCurrent) {
    await owner.query(
      `create or replace function bbt_row_scope() returns text language sql stable parallel safe
         as $$ select coalesce(current_setting('bbt.scope', true), '') $$`,
    );
    await owner.query(`comment on function bbt_row_scope() is '${fingerprint}'`);
  }
  // Under RLS a predicate may drive an index only if it is LEAKPROOF (else it must wait until the policy
  // has passed each row): `scoped()`'s `org_path LIKE 'path%'` would turn every town's index scan into a scan
  // of the county (a town's count of 3.6 M inspections: 13 ms → 2 s). LIKE's errors depend on its pattern, a
  // constant of ours, never on a row, so it is declared leakproof — which takes a superuser. Without one
  // (an external owner), the wall stays off rather than slowing every page, and the start says so.
  const { rows } = await owner.query<{ isLeakproof: boolean; isSuperuser: boolean }>(
    `select (select proleakproof from pg_proc where oid = 'textlike(text, text)'::regprocedure) as "isLeakproof",
            (select rolsuper from pg_roles where rolname = current_user) as "isSuperuser"`,
  );
  const canIndex = rows[0].isLeakproof || rows[0].isSuperuser;
  if (!rows[0].isLeakproof && rows[0].isSuperuser)
    await owner.query(`alter function textlike(text, text) leakproof`);
  const tables = await rowScopedTables(owner);
  const { rows: state } = await owner.query<{ table: string; isOn: boolean; policies: number }>(
    `select c.relname as table, c.relrowsecurity as "isOn",
            (select count(*)::int from pg_policy p where p.polrelid = c.oid and p.polname like 'bbt\\_scope\\_%') as policies
       from pg_class c where c.relnamespace = 'public'::regnamespace and c.relname = any($1)`,
    [tables],
  );
  const now = new Map(state.map((r) => [r.table, r]));
  for (const table of tables) {
    const t = now.get(table);
    if (canIndex) {
      if (isCurrent && t?.isOn && t.policies === 4) continue;
      for (const statement of policies(table)) await owner.query(statement);
    } else if (t?.isOn) await owner.query(`alter table "${table}" disable row level security`);
  }
  return { isEnabled: canIndex };
};
