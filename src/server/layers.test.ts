import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Dependencies run one way: contracts ← kernel ← modules ← app. The kernel holds the mechanisms (and the
// foundation tables they stand on: org units, users); a module may use any of it, never the reverse.
// Import circles are Biome's noImportCycles (npm run lint); crossing between web features is
// src/web/app/feature-boundaries.test.ts.

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return files(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });

/** Every import (static, dynamic, type-only, re-export) of a file, resolved to a path from the repo root. */
const importsOf = (file: string) =>
  [
    ...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm),
  ].map((m) => path.normalize(path.join(path.dirname(file), m[1])));

/** Tests may take a module as a fixture; the rule is about the code that ships. */
const violations = (dir: string, forbidden: string[]) =>
  files(dir)
    .filter((file) => !/\.test\.tsx?$/.test(file))
    .flatMap((file) =>
      importsOf(file)
        .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
        .map((target) => `${file} → ${target}`),
    );

describe('layers', () => {
  it('the kernel imports no module, the app, the CLI, the demo or ops', () => {
    expect(
      violations('src/server/kernel', [
        'src/server/modules',
        'src/server/app',
        'src/server/cli',
        'src/server/demo',
        'src/server/ops',
      ]),
    ).toEqual([]);
  });

  it('contracts import neither the server nor the web', () => {
    expect(violations('src/contracts', ['src/server', 'src/web'])).toEqual([]);
  });

  it('the web imports no server code (only contracts)', () => {
    expect(violations('src/web', ['src/server'])).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    // The check itself: a kernel file importing a module must show up.
    const sample = 'src/server/kernel/auth/sessions.ts';
    expect(
      importsOf(sample).some((t) => t.startsWith('src/server/kernel/access')),
      'sessions.ts imports the access kernel',
    ).toBe(true);
    expect(violations('src/server/kernel', ['src/server/kernel/access']).length).toBeGreaterThan(0);
  });
});
