import { describe, expect, it } from 'vitest';
import { runVitest } from '../src/server/test/run-vitest';

/*
 * The journeys' runner must fail on a failing test too: its global setup starts the whole server (embedded
 * PostgreSQL included), as it does for every journey, and a failure must still reach the exit code.
 */
describe('the browser-journey runner exits with the truth', () => {
  it('a run with one failing test exits non-zero', async () => {
    const { code, output } = await runVitest(
      'e2e/fixtures/e2e-fixture.config.ts',
      { FIXTURE: 'failing' },
      240_000,
    );
    expect(output).toMatch(/1 failed/);
    expect(code, output).not.toBe(0);
  }, 270_000);
});
