import { spawn } from 'node:child_process';

/*
 * For tests that run the product as its users do, in processes of its own: `main.ts` commands and the
 * server, with their exit codes and output.
 */

/** This run's environment without its DATABASE_URL: for tests about the embedded PostgreSQL. */
export const embeddedEnv = () => {
  const { DATABASE_URL: _url, DATABASE_OWNER_URL: _owner, ...env } = process.env;
  return env;
};

export type CommandRun = { code: number | null; stdout: string; stderr: string };

type Base = { isEmbedded?: boolean };
const baseEnv = ({ isEmbedded }: Base) => (isEmbedded ? embeddedEnv() : process.env);

/**
 * `main.ts <args>` in its own process, with this run's environment plus `env` (no demo, warnings only);
 * `isEmbedded`: without the run's DATABASE_URL.
 */
export const runMain = (args: string[], env: NodeJS.ProcessEnv, base: Base = {}) =>
  new Promise<CommandRun>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
      env: { ...baseEnv(base), BBT_DEMO: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

/** The server (`main.ts serve`) in its own process, for tests that kill it. */
export const spawnServer = (env: NodeJS.ProcessEnv, base: Base = {}) =>
  spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], {
    env: { ...baseEnv(base), BBT_DEMO: '0', LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });

/** Polls `probe` until it gives a value (errors count as not yet), or fails naming `what`. */
export const waitFor = async <T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms: number,
): Promise<T> => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not within ${ms} ms`);
};
