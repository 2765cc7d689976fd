// The county summary draft's statements, each timed (its text start and ms), slowest first:
// where the draft's time goes. Run after `npm run bench:data`: npx tsx bench/summary-statements.bench.ts
import { sql } from 'drizzle-orm';
import { permissionsOf, type Role } from '../src/contracts/common/permissions';
import type { OrgKind } from '../src/contracts/org';
import type { Actor } from '../src/server/kernel/access/actor';
import type { Db } from '../src/server/kernel/db/connection';
import { createIndicatorRegistry } from '../src/server/kernel/indicators/registry';
import type { ServiceContext } from '../src/server/kernel/service-context';
import { modules } from '../src/server/modules';
import { previewSummary } from '../src/server/modules/reports/summaries.service';
import { openBenchDatabase } from './bench-db';

const YEAR = Number(process.env.YEAR ?? 2025);
const UNIT = process.env.UNIT ?? '云溪县妇联';
const indicators = createIndicatorRegistry(modules.flatMap((m) => m.indicators ?? []));

const ctxAt = async (db: Db, unitName: string, role: Role = 'federationAdmin'): Promise<ServiceContext> => {
  const [u] = (
    await db.execute(sql`select id::text as id, path, kind from org_units where name = ${unitName}`)
  ).rows as { id: string; path: string; kind: OrgKind }[];
  if (!u) throw new Error(`no unit ${unitName}: run npm run bench:data first`);
  const actor: Actor = {
    userId: '00000000-0000-7000-8000-000000000000',
    username: 'bench',
    displayName: '基准',
    role,
    orgUnitId: u.id,
    orgPath: u.path,
    permissions: new Set(permissionsOf(role, u.kind)),
    ip: 'bench',
  };
  return { db, actor, crypto: undefined as never };
};

const main = async () => {
  const b = await openBenchDatabase({ fresh: false });
  try {
    const ctx = await ctxAt(b.db, UNIT);
    const draft = { kind: 'annual' as const, year: YEAR, style: 'exact' as const, planItems: [] };
    await previewSummary(ctx, indicators, draft); // warm-up
    const client = b.db.$client as unknown as { query: (...a: unknown[]) => Promise<unknown> };
    const query = client.query.bind(client);
    const seen: { text: string; ms: number }[] = [];
    client.query = async (...a: unknown[]) => {
      const t0 = performance.now();
      try {
        return await query(...a);
      } finally {
        const q = a[0] as { text?: string } | string;
        const text = typeof q === 'string' ? q : (q.text ?? '');
        seen.push({ text: text.replace(/\s+/g, ' ').slice(0, 400), ms: performance.now() - t0 });
      }
    };
    const t0 = performance.now();
    await previewSummary(ctx, indicators, draft);
    console.log(
      `draft ${Math.round(performance.now() - t0)} ms, ${seen.length} statements (each timed under the others' load)`,
    );
    for (const s of seen.sort((x, y) => y.ms - x.ms).slice(0, Number(process.env.TOP ?? 12)))
      console.log(`${Math.round(s.ms)} ms  ${s.text}`);
  } finally {
    await b.close();
  }
};
main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
