import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  // The owner (or a superuser) for migrations and grants; DATABASE_URL is then the app's restricted role.
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  BBT_DATA_DIR: z.string().min(1).default('./data'),
  BBT_DEMO: boolFromEnv.default(true),
  BBT_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  BBT_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  BBT_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  // Slow clients: headers must arrive, and an upload must keep moving, within this many seconds.
  BBT_INPUT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(30),
  // No default here: unset, the docs follow BBT_DEMO (loadConfig), so production is off unless asked.
  BBT_API_DOCS: boolFromEnv.optional(),
  BBT_WEB_DIR: z.string().default('./dist/web'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BBT_LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
});

/** `appDbPassword`: the restricted database role's (`bbt_app`) password, when the app creates that role. */
export type Secrets = { sessionKey: string; fieldKey: string; pgPassword: string; appDbPassword: string };

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  isDemo: boolean;
  trustProxyHops: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
  inputTimeoutMs: number;
  isApiDocsEnabled: boolean;
  webDir: string;
  logLevel: string;
  /** `json` lines on stdout (a service) or `pretty` (a terminal); unset: pretty on a terminal. */
  logFormat: 'json' | 'pretty' | undefined;
  secrets: Secrets;
};

export class ConfigError extends Error {}

/** Parses the environment; on bad values throws one error listing every problem in plain words. */
export const parseEnv = (env: NodeJS.ProcessEnv) => {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  return result.data;
};

/** Secrets are generated on first start into the data directory, readable only by the owner (0600). */
export const loadSecrets = (dataDir: string): Secrets => {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const parsed = z
      .object({
        sessionKey: z.string().min(32),
        fieldKey: z.string().min(32),
        pgPassword: z.string().min(16),
        appDbPassword: z.string().min(16).optional(),
      })
      .safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new ConfigError(`${file} is damaged; restore it from a backup`);
    chmodSync(file, 0o600);
    if (parsed.data.appDbPassword) return { ...parsed.data, appDbPassword: parsed.data.appDbPassword };
    // Installs from before the restricted role: add its password once, keeping every other key as it was.
    const upgraded: Secrets = { ...parsed.data, appDbPassword: randomBytes(18).toString('base64url') };
    writeFileSync(file, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  }
  const secrets: Secrets = {
    sessionKey: randomBytes(32).toString('base64'),
    fieldKey: randomBytes(32).toString('base64'),
    pgPassword: randomBytes(18).toString('base64url'),
    appDbPassword: randomBytes(18).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const e = parseEnv(env);
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL)
    throw new ConfigError(
      'DATABASE_OWNER_URL is for migrations only: set DATABASE_URL too (the restricted role the app connects as).',
    );
  const dataDir = path.resolve(e.BBT_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    dataDir,
    isDemo: e.BBT_DEMO,
    trustProxyHops: e.BBT_TRUST_PROXY_HOPS,
    sessionIdleMs: e.BBT_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.BBT_SESSION_MAX_HOURS * 3_600_000,
    inputTimeoutMs: e.BBT_INPUT_TIMEOUT_SECONDS * 1000,
    // The route map helps an attacker more than a county's admins (ASVS 13.4.5): browsable only
    // in the demo (and `npm run dev`, which runs it) unless switched on.
    isApiDocsEnabled: e.BBT_API_DOCS ?? e.BBT_DEMO,
    webDir: path.resolve(e.BBT_WEB_DIR),
    logLevel: e.LOG_LEVEL,
    logFormat: e.BBT_LOG_FORMAT,
    secrets: loadSecrets(dataDir),
  };
};
