import type pg from 'pg';
import { enableRowSecurity } from './row-scope';

/**
 * The app's restricted database role (R18–R20): it reads and writes the ledgers but owns nothing, so it can
 * neither alter a table nor switch off a trigger; on the audit log it may only INSERT and SELECT.
 */
export const APP_ROLE = 'bbt_app';

export class DatabaseRoleError extends Error {}

/** `"name"` with `"` doubled: role names come from URLs and configuration, never from users. */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The same server and database as `url`, signed in as `role` with `password`. */
export const urlAsRole = (url: string, role: string, password: string) => {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
};

export const roleOfUrl = (url: string) => decodeURIComponent(new URL(url).username) || 'postgres';

type Queryable = Pick<pg.Client, 'query' | 'escapeLiteral'>;

/**
 * Creates the restricted role, or brings an existing one back to LOGIN/NOSUPERUSER/NOBYPASSRLS with this
 * password. Needs a superuser or a CREATEROLE role. Serialised by an advisory lock: two processes
 * starting at once would otherwise both try CREATE ROLE.
 */
export const ensureAppRole = async (owner: Queryable, role: string, password: string) => {
  const attributes = `login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit`;
  await owner.query('begin');
  try {
    await owner.query(`select pg_advisory_xact_lock(hashtext('bbt:app-role'))`);
    const { rowCount } = await owner.query('select 1 from pg_roles where rolname = $1', [role]);
    // Utility statements take no bind parameters: the password goes in as an escaped literal.
    await owner.query(
      `${rowCount ? 'alter' : 'create'} role ${quoteIdent(role)} ${attributes} password ${owner.escapeLiteral(password)}`,
    );
    await owner.query('commit');
  } catch (e) {
    await owner.query('rollback').catch(() => {});
    throw e;
  }
};

/**
 * Grants the app role what it needs on everything that exists now, and — as default privileges of the
 * role running this (the migrations' owner) — on tables and sequences later migrations create. Run after
 * every migration; idempotent. The audit log and its chain head are then narrowed: INSERT and SELECT only
 * on the log (the hash trigger is SECURITY DEFINER and writes the chain head itself). Also (re)creates the
 * row-level security policies of every org-scoped table (row-scope.ts).
 */
export const grantAppRole = async (owner: Queryable, role: string) => {
  const r = quoteIdent(role);
  await owner.query('begin');
  try {
    await owner.query(`select pg_advisory_xact_lock(hashtext('bbt:app-grants'))`);
    const { rows } = await owner.query<{ db: string }>('select current_database() as db');
    await owner.query(`grant connect, temporary on database ${quoteIdent(rows[0].db)} to ${r}`);
    await owner.query(`grant usage on schema public to ${r}`);
    await owner.query(`grant select, insert, update, delete on all tables in schema public to ${r}`);
    await owner.query(`grant usage, select on all sequences in schema public to ${r}`);
    await owner.query(
      `alter default privileges in schema public grant select, insert, update, delete on tables to ${r}`,
    );
    await owner.query(`alter default privileges in schema public grant usage, select on sequences to ${r}`);
    await owner.query(`revoke update, delete, truncate, references, trigger on audit_log from ${r}`);
    await owner.query(
      `revoke insert, update, delete, truncate, references, trigger on audit_chain_head from ${r}`,
    );
    // Row-level security on every org-scoped table: the database's wall behind `scoped()`.
    const rowSecurity = await enableRowSecurity(owner);
    if (!rowSecurity.isEnabled)
      console.warn(
        '[db] 行级安全未启用：数据库所有者不是超级用户，无法把 textlike 设为 LEAKPROOF（见 docs/DEPLOY.md）。\n' +
          '[db] Row-level security is off: the owner is not a superuser and cannot mark textlike LEAKPROOF. A DBA can run `alter function textlike(text, text) leakproof` once; the next start enables it (docs/DEPLOY.md).',
      );
    // The app checks at start that every migration is applied (it cannot apply them itself).
    const { rowCount } = await owner.query(
      `select 1 from pg_tables where schemaname = 'drizzle' and tablename = '__drizzle_migrations'`,
    );
    if (rowCount) {
      await owner.query(`grant usage on schema drizzle to ${r}`);
      await owner.query(`grant select on drizzle.__drizzle_migrations to ${r}`);
    }
    await owner.query('commit');
  } catch (e) {
    await owner.query('rollback').catch(() => {});
    throw e;
  }
};

export type RoleFacts = {
  role: string;
  isSuperuser: boolean;
  canCreateRole: boolean;
  bypassesRls: boolean;
  /** Tables and sequences in the app's schemas this role owns (it could ALTER them, or disable their triggers). */
  owned: string[];
};

export const roleFacts = async (client: Queryable): Promise<RoleFacts> => {
  const { rows } = await client.query<{
    role: string;
    rolsuper: boolean;
    rolcreaterole: boolean;
    rolbypassrls: boolean;
  }>(
    'select rolname as role, rolsuper, rolcreaterole, rolbypassrls from pg_roles where rolname = current_user',
  );
  const { rows: owned } = await client.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'S', 'v', 'm')
        and pg_has_role(current_user, c.relowner, 'USAGE') order by 1 limit 5`,
  );
  return {
    role: rows[0].role,
    isSuperuser: rows[0].rolsuper,
    canCreateRole: rows[0].rolcreaterole,
    bypassesRls: rows[0].rolbypassrls,
    owned: owned.map((o) => o.name),
  };
};

/**
 * Refuses to run the app as a role that could rewrite the audit log: a superuser, a BYPASSRLS role, or
 * one owning (directly or through membership) any of the app's tables.
 */
export const assertRestrictedRole = (facts: RoleFacts) => {
  const problems = [
    facts.isSuperuser && '是超级用户 / is a superuser',
    facts.bypassesRls && '有 BYPASSRLS / has BYPASSRLS',
    facts.owned.length > 0 && `拥有表 / owns tables (${facts.owned.join(', ')})`,
  ].filter(Boolean);
  if (problems.length)
    throw new DatabaseRoleError(
      `应用的数据库角色 ${facts.role} 权限过大：${problems.join('；')}。它能改写或删除审计日志。\n` +
        `The app's database role ${facts.role} could rewrite the audit log. Connect the app (DATABASE_URL) ` +
        `as a restricted role and give the owner's URL as DATABASE_OWNER_URL (see docs/DEPLOY.md).`,
    );
};
