import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { permissionsOf, type Role } from '../src/contracts/common/permissions';
import type { OrgKind } from '../src/contracts/org';
import { seedDemo } from '../src/server/demo/seed-demo';
import type { Actor } from '../src/server/kernel/access/actor';
import { createDb, runMigrations } from '../src/server/kernel/db/connection';
import { startEmbeddedPostgres } from '../src/server/kernel/db/embedded';
import { createFieldCrypto } from '../src/server/kernel/privacy/field-crypto';
import type { ServiceContext } from '../src/server/kernel/service-context';
import { findUserByUsername } from '../src/server/modules/users/users.repository';

/** A throw-away embedded PostgreSQL (or DATABASE_URL) with the demo county loaded, for benchmarks. */
export const benchDatabase = async () => {
  let stop = async () => {};
  let url = process.env.DATABASE_URL;
  let dir: string | undefined;
  if (!url) {
    dir = mkdtempSync(path.join(tmpdir(), 'bbt-bench-'));
    chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), 'bench-password');
    url = pg.url('postgres');
    stop = pg.stop;
  }
  const db = createDb(url, () => {});
  await runMigrations(db);
  const crypto = createFieldCrypto(randomBytes(32).toString('base64'));
  await seedDemo(db, crypto);
  const ctxFor = async (username: string): Promise<ServiceContext> => {
    const found = await findUserByUsername(db, username);
    if (!found) throw new Error(`no user ${username}`);
    const role = found.user.role as Role;
    const actor: Actor = {
      userId: found.user.id,
      username,
      displayName: found.user.displayName,
      role,
      orgUnitId: found.user.orgUnitId,
      orgPath: found.orgPath,
      permissions: new Set(permissionsOf(role, found.orgKind as OrgKind)),
      ip: 'bench',
    };
    return { db, crypto, actor };
  };
  const close = async () => {
    await db.$client.end();
    await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  return { db, crypto, ctxFor, close };
};

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The persistent bench database (`npm run bench:data` fills it, `bench/reports.bench.ts` reads it):
 * an embedded PostgreSQL under BENCH_DIR (default $TMPDIR/bbt-bench-pg), database `bbt_bench`, or
 * BENCH_DATABASE_URL. `fresh` drops and recreates the database, migrates it and loads the demo county.
 */
export const openBenchDatabase = async ({ fresh }: { fresh: boolean }) => {
  let stop = async () => {};
  let adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    const dir = path.resolve(process.env.BENCH_DIR ?? path.join(tmpdir(), 'bbt-bench-pg'));
    const pg = await startEmbeddedPostgres(dir, 'bench-password');
    adminUrl = pg.url('postgres');
    stop = pg.stop;
  }
  const u = new URL(adminUrl);
  if (fresh) {
    const admin = createDb(adminUrl, () => {}, 1);
    await admin.$client.query('drop database if exists bbt_bench with (force)');
    await admin.$client.query('create database bbt_bench');
    await admin.$client.end();
  }
  u.pathname = '/bbt_bench';
  const db = createDb(u.toString(), () => {}, 10);
  const crypto = createFieldCrypto(Buffer.alloc(32, 7).toString('base64'));
  // A kept database is brought to the current schema too (new columns, moved tables), so a bench
  // run after a migration reads what the product reads.
  await runMigrations(db);
  if (fresh) await seedDemo(db, crypto);
  const close = async () => {
    await db.$client.end();
    await stop();
  };
  return { db, crypto, close };
};
