import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { permissionsOf, type Role } from '../../contracts/common/permissions';
import type { OrgKind } from '../../contracts/org';
import type { Actor } from '../kernel/access/actor';
import { createDb } from '../kernel/db/connection';
import { createImportJob, runImport } from '../kernel/io/import-runner';
import { validateSheets } from '../kernel/io/ledger-io';
import { readWorkbookSheets } from '../kernel/io/workbook';
import { createFieldCrypto } from '../kernel/privacy/field-crypto';
import { personsIo } from '../modules/people/persons.io';
import { findUserByUsername } from '../modules/users/users.repository';
import type { MemoryStep, StepFigures } from './import-memory';

// One step of a persons import in this fresh process (see import-memory.ts: measureInChild), its
// figures printed as one JSON line: `read` the sheet, `validate` it too, or the whole `import`
// (read → validate → commit, in the database at MEMORY_DB_URL as MEMORY_USER).

/** Runs `f`, sampling RSS every 10 ms: its duration, the RSS before and the peak during. */
const measured = async (f: () => Promise<number>): Promise<StepFigures> => {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const t0 = performance.now();
  const rows = await f();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, before, peak, rows };
};

const contextOf = async (url: string, username: string) => {
  const db = createDb(url, () => {}, 2);
  const found = await findUserByUsername(db, username);
  if (!found) throw new Error(`no user ${username}`);
  const role = found.user.role as Role;
  const actor: Actor = {
    userId: found.user.id,
    username,
    displayName: found.user.displayName,
    role,
    orgUnitId: found.user.orgUnitId,
    orgPath: found.orgPath,
    permissions: new Set(permissionsOf(role, found.orgKind as OrgKind)),
    ip: 'memory',
  };
  // New records only are written (encrypted with a key of this run): nothing is decrypted.
  return { ctx: { db, crypto: createFieldCrypto(randomBytes(32).toString('base64')), actor }, db };
};

const main = async () => {
  const file = readFileSync(process.env.MEMORY_FILE as string);
  const step = process.env.MEMORY_STEP as MemoryStep;
  if (step === 'read' || step === 'validate') {
    const figures = await measured(async () => {
      const sheets = await readWorkbookSheets(file, 'memory.xlsx');
      if (step === 'read') return sheets.reduce((n, s) => n + s.rows.length, 0);
      const outcome = validateSheets(personsIo, sheets);
      if ('fileError' in outcome) throw new Error(outcome.fileError);
      if (outcome.issues.length) throw new Error(JSON.stringify(outcome.issues.slice(0, 3)));
      return outcome.rows.length;
    });
    console.log(JSON.stringify(figures));
    return;
  }
  const { ctx, db } = await contextOf(process.env.MEMORY_DB_URL as string, process.env.MEMORY_USER as string);
  try {
    const job = await createImportJob(ctx, personsIo, 'memory.xlsx');
    const opts = process.env.MEMORY_ORG_UNIT ? { defaultOrgUnitId: process.env.MEMORY_ORG_UNIT } : {};
    const figures = await measured(async () => {
      const done = await runImport(ctx, personsIo, job.id, file, 'memory.xlsx', opts);
      if (done.status !== 'succeeded') throw new Error(`import failed: ${done.message}`);
      return done.counts?.created ?? 0;
    });
    console.log(JSON.stringify(figures));
  } finally {
    await db.$client.end();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
