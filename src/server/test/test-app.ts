import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { Role } from '../../contracts/common/permissions';
import type { OrgKind } from '../../contracts/org';
import { buildApp } from '../app';
import type { Config } from '../config';
import { orgUnits } from '../kernel/access/org-units.table';
import { hashPassword } from '../kernel/auth/password';
import { users } from '../kernel/auth/users.table';
import { createDb, type Db } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import { redactingLoggerOptions } from '../kernel/http/log-redaction';
import { templateDatabase, testDatabaseName } from './test-db';

export const TEST_PASSWORD = 'Test-pass-2026';

const dbUrl = (name: string, as: 'adminUrl' | 'appUrl' = 'adminUrl') => {
  const u = new URL(inject(as));
  u.pathname = `/${name}`;
  return u.toString();
};

export const testConfig = (over: Partial<Config> = {}): Config => ({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: undefined,
  databaseOwnerUrl: undefined,
  dataDir: '/nonexistent',
  isDemo: false,
  trustProxyHops: 0,
  sessionIdleMs: 30 * 60_000,
  sessionMaxMs: 12 * 3_600_000,
  inputTimeoutMs: 30_000,
  isApiDocsEnabled: true,
  webDir: '/nonexistent',
  logLevel: 'silent',
  logFormat: 'json',
  secrets: {
    sessionKey: randomBytes(32).toString('base64'),
    fieldKey: randomBytes(32).toString('base64'),
    pgPassword: 'x',
    appDbPassword: 'x',
  },
  ...over,
});

/**
 * A fresh database cloned from the migrated template, and the app on top of it, connected as the
 * restricted role (as in production). `ownerQuery` runs one statement as the owner (superuser), for tests
 * that must do what the app cannot. Given a `logStream`, the app logs there at `trace` with the production
 * logger options (redaction included), so a test can read exactly what a server would write.
 */
export const createTestApp = async (over: Partial<Config> = {}, opts: { logStream?: Writable } = {}) => {
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: inject('adminUrl') });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template "${templateDatabase()}"`);
      break;
    } catch (e) {
      // Two files cloning the template at the same instant: wait and retry.
      if (attempt > 20) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const db = createDb(dbUrl(name, 'appUrl'), () => {}, 5);
  // Each app writes its uploads to a data directory of its own, removed on close.
  const dataDir = await mkdtemp(join(os.tmpdir(), 'bbt-test-'));
  const logger = opts.logStream
    ? { level: 'trace', stream: opts.logStream, ...redactingLoggerOptions }
    : false;
  const app = await buildApp({ config: testConfig({ dataDir, ...over }), db, logger });
  await app.ready();
  const close = async () => {
    await app.close();
    await db.$client.end();
    const c = new pg.Client({ connectionString: inject('adminUrl') });
    await c.connect();
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.end();
    await rm(dataDir, { recursive: true, force: true });
  };
  const ownerQuery = async (text: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: dbUrl(name) });
    await c.connect();
    try {
      return await c.query(text, params);
    } finally {
      await c.end();
    }
  };
  return { app, db, dataDir, close, ownerQuery, ownerUrl: dbUrl(name) };
};

type UnitRef = { id: string; path: string; name: string };

/**
 * A small county with sibling towns and villages, and a federation admin in each unit:
 * county → townA (villageA1, villageA2, enterpriseA), townB (villageB1).
 */
export const seedOrg = async (db: Db) => {
  const units: Record<string, UnitRef> = {};
  const add = async (key: string, name: string, kind: OrgKind, parent?: string) => {
    const id = uuidv7();
    const p = parent ? units[parent] : undefined;
    const path = `${p?.path ?? '/'}${id}/`;
    await db.insert(orgUnits).values({
      id,
      parentId: p?.id ?? null,
      kind,
      name,
      path,
      depth: path.split('/').filter(Boolean).length - 1,
    });
    units[key] = { id, path, name };
  };
  await add('county', '测试县妇联', 'county');
  await add('townA', '甲镇妇联', 'town', 'county');
  await add('townB', '乙镇妇联', 'town', 'county');
  await add('villageA1', '甲一村妇联', 'village', 'townA');
  await add('villageA2', '甲二村妇联', 'village', 'townA');
  await add('enterpriseA', '甲镇某公司妇联', 'enterprise', 'townA');
  await add('villageB1', '乙一村妇联', 'village', 'townB');
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const userIds: Record<string, string> = {};
  const addUser = async (username: string, unit: string, role: Role = 'federationAdmin') => {
    const id = uuidv7();
    await db.insert(users).values({
      id,
      username,
      displayName: `${username}用户`,
      role,
      orgUnitId: units[unit].id,
      passwordHash,
    });
    userIds[username] = id;
  };
  for (const key of Object.keys(units)) await addUser(key, key);
  await addUser('viewerA', 'townA', 'viewer');
  await addUser('sysadmin', 'county', 'sysAdmin');
  return { units, userIds };
};

export type Session = { cookie: string; csrf: string };

export const login = async (
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'bbt_session');
  return { cookie: `bbt_session=${cookie?.value}`, csrf: res.json().csrfToken };
};

/** A request as a signed-in user: session cookie plus the CSRF header on writes. */
export const call = (
  app: FastifyInstance,
  session: Session | null,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
) =>
  app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
    ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
  });

/** A multipart/form-data body holding one file, built byte for byte. */
export const multipartOf = (filename: string, content: Buffer, contentType: string) => {
  const boundary = `----bbt${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
};

/** Uploads a file (by default a workbook, to a ledger's import route) as a signed-in user. */
export const uploadFile = (
  app: FastifyInstance,
  session: Session,
  url: string,
  file: Buffer,
  filename: string,
  fileType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
) => {
  const { body, contentType } = multipartOf(filename, file, fileType);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType },
    payload: body,
  });
};
