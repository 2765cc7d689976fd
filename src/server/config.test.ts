import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadSecrets, parseEnv } from './config';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bbt-config-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('environment', () => {
  it('a bad PORT and a non-PostgreSQL DATABASE_URL are both named in one error', () => {
    let error: unknown;
    try {
      parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('must start with postgres:// or postgresql://');
  });

  it('an empty environment gets the documented defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe('127.0.0.1');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.BBT_SESSION_IDLE_MINUTES).toBe(30);
    expect(env.BBT_SESSION_MAX_HOURS).toBe(12);
    expect(env.BBT_TRUST_PROXY_HOPS).toBe(0);
  });

  it('API docs follow the demo switch unless set: on in the demo, off in production', () => {
    const dataDir = tempDir();
    expect(loadConfig({ BBT_DATA_DIR: dataDir }).isApiDocsEnabled).toBe(true);
    expect(loadConfig({ BBT_DATA_DIR: dataDir, BBT_DEMO: '0' }).isApiDocsEnabled).toBe(false);
    expect(loadConfig({ BBT_DATA_DIR: dataDir, BBT_DEMO: '0', BBT_API_DOCS: '1' }).isApiDocsEnabled).toBe(
      true,
    );
    expect(loadConfig({ BBT_DATA_DIR: dataDir, BBT_API_DOCS: 'no' }).isApiDocsEnabled).toBe(false);
  });

  it('reads numbers and yes/no switches from their text', () => {
    const env = parseEnv({
      PORT: '8080',
      BBT_DEMO: 'no',
      BBT_API_DOCS: '0',
      DATABASE_URL: 'postgresql://h/db',
    });
    expect(env.PORT).toBe(8080);
    expect(env.BBT_DEMO).toBe(false);
    expect(env.BBT_API_DOCS).toBe(false);
    expect(env.DATABASE_URL).toBe('postgresql://h/db');
  });
});

describe('secrets', () => {
  it('are generated on first start into secrets.json readable only by the owner, and kept on the next', () => {
    const dir = path.join(tempDir(), 'data');
    const first = loadSecrets(dir);
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first.sessionKey, 'base64')).toHaveLength(32);
    expect(Buffer.from(first.fieldKey, 'base64')).toHaveLength(32);
    expect(first.sessionKey).not.toBe(first.fieldKey);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    const second = loadSecrets(dir);
    expect(second).toEqual(first);
  });

  it('a secrets file left world-readable is tightened to 0600 when read', () => {
    const dir = tempDir();
    const first = loadSecrets(dir);
    const file = path.join(dir, 'secrets.json');
    chmodSync(file, 0o644);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(loadSecrets(dir)).toEqual(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a damaged secrets file stops the start with a ConfigError, not new keys', () => {
    const dir = tempDir();
    const file = path.join(dir, 'secrets.json');
    writeFileSync(file, JSON.stringify({ sessionKey: 'short' }));
    expect(() => loadSecrets(dir)).toThrow(ConfigError);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify({ sessionKey: 'short' }));
  });

  it('a secrets file from before the restricted database role gains appDbPassword once, other keys unchanged', () => {
    const dir = tempDir();
    const file = path.join(dir, 'secrets.json');
    const old = {
      sessionKey: randomBytes(32).toString('base64'),
      fieldKey: randomBytes(32).toString('base64'),
      pgPassword: randomBytes(18).toString('base64url'),
    };
    writeFileSync(file, JSON.stringify(old), { mode: 0o600 });
    const upgraded = loadSecrets(dir);
    expect(upgraded).toMatchObject(old);
    expect(upgraded.appDbPassword.length).toBeGreaterThanOrEqual(16);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(upgraded);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecrets(dir)).toEqual(upgraded);
  });
});

describe('database URLs', () => {
  it('DATABASE_OWNER_URL alone is refused: the app would have no restricted role to connect as', () => {
    const dataDir = tempDir();
    expect(() => loadConfig({ BBT_DATA_DIR: dataDir, DATABASE_OWNER_URL: 'postgres://o@h/db' })).toThrow(
      /set DATABASE_URL too/,
    );
    const config = loadConfig({
      BBT_DATA_DIR: dataDir,
      DATABASE_OWNER_URL: 'postgres://o@h/db',
      DATABASE_URL: 'postgres://a@h/db',
    });
    expect(config.databaseOwnerUrl).toBe('postgres://o@h/db');
    expect(config.databaseUrl).toBe('postgres://a@h/db');
  });
});
