import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort } from '../src/server/kernel/db/embedded';

declare module 'vitest' {
  // biome-ignore lint/style/useConsistentTypeDefinitions: declaration merging needs an interface
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

let server: ChildProcess | undefined;
let dataDir: string | undefined;

const findChromium = () =>
  [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && existsSync(p),
  ) ?? '';

/** One request without keep-alive, so no socket holds the test runner open afterwards. */
const isHealthy = (url: string) =>
  new Promise<boolean>((resolve) => {
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });

/** Starts the real server (embedded PostgreSQL, demo data) on a temp data dir and a free port. */
export const setup = async (project: TestProject) => {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    const message =
      '\n\n!!! Chromium not found (/usr/bin/chromium or CHROMIUM_PATH): browser journeys are NOT run.\n' +
      '!!! Install it: apt-get install chromium fonts-wqy-zenhei\n\n';
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(message);
  }
  if (!existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run `vite build` first');
  dataDir = mkdtempSync(path.join(tmpdir(), 'bbt-e2e-'));
  chmodSync(dataDir, 0o755);
  const port = await findFreePort();
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], {
    env: { ...process.env, PORT: String(port), BBT_DATA_DIR: dataDir, BBT_DEMO: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (d) => {
    output += d;
  });
  server.stderr?.on('data', (d) => {
    output += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${output}`);
    if (await isHealthy(`${baseUrl}/api/health`)) break;
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('chromiumPath', chromiumPath);
};

export const teardown = async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 8_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  server?.stdout?.destroy();
  server?.stderr?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
};
