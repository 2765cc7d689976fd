import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const featuresDir = resolve(import.meta.dirname, '../features');

/**
 * Cross-feature imports that exist today in code this rule's author does not own; each is to move to
 * components/ or lib/ and leave this list. Never add to it: put the shared piece in components/ or lib/.
 */
const knownExceptions = new Set<string>([]);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });

/** Static imports, re-exports and dynamic `import()`s of relative paths. */
const relativeImports = (text: string): string[] =>
  [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.[^'"]+)['"]/g)].map(
    (m) => m[1] as string,
  );

const featureOf = (path: string): string | undefined => {
  const rel = relative(featuresDir, path);
  return rel.startsWith('..') ? undefined : rel.split(sep)[0];
};

/** Every import from one feature into another: `features/x` may use components/, lib/, contracts/, not `features/y`. */
const crossFeatureImports = (): string[] =>
  sourceFiles(featuresDir).flatMap((file) => {
    const from = featureOf(file);
    return relativeImports(readFileSync(file, 'utf8'))
      .map((spec) => ({ spec, to: featureOf(resolve(dirname(file), spec)) }))
      .filter(({ to }) => to !== undefined && to !== from)
      .map(({ spec }) => {
        const target = relative(featuresDir, resolve(dirname(file), spec))
          .split(sep)
          .join('/');
        return `${relative(featuresDir, file).split(sep).join('/')} -> ${target}`;
      });
  });

describe('feature boundaries', () => {
  it('finds the imports it is to judge', () => {
    expect(
      relativeImports("import { a } from '../../x';\nconst P = lazy(() => import('./pages/p'));"),
    ).toEqual(['../../x', './pages/p']);
    expect(sourceFiles(featuresDir).length).toBeGreaterThan(100);
  });

  it('no feature imports another (shared code lives in components/ or lib/)', () => {
    expect(crossFeatureImports().filter((i) => !knownExceptions.has(i))).toEqual([]);
  });

  it('the known exceptions are still there (remove one once it is fixed)', () => {
    const found = new Set(crossFeatureImports());
    expect([...knownExceptions].filter((i) => !found.has(i))).toEqual([]);
  });
});
