import { spawn } from 'node:child_process';

export type RunnerResult = { code: number | null; output: string };

/**
 * Runs vitest as `npm test` does, in its own process, with `config`: the exit code and what it printed.
 * The parent run's VITEST_* variables are left out so the child is a run of its own.
 */
export const runVitest = (config: string, env: Record<string, string>, timeoutMs: number) =>
  new Promise<RunnerResult>((resolve, reject) => {
    const childEnv = Object.fromEntries(
      Object.entries(process.env).filter(
        // Nor its DATABASE_URL: the child's global setup starts a PostgreSQL of its own rather than
        // sharing (and cleaning up on) the server this run's tests are using.
        ([k]) =>
          !k.startsWith('VITEST') && !['TEST', 'NODE_ENV', 'DATABASE_URL', 'DATABASE_OWNER_URL'].includes(k),
      ),
    );
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', config], {
      env: { ...childEnv, ...env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`vitest did not finish in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
