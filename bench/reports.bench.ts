// Dashboard and summary drafting on the bench county (run `npm run bench:data -- --towns 20
// --households 300000 --seed 1` first), and each indicator against its bare SQL.
// Run: npm run bench:reports   (RUNS=9 YEAR=2026 MONTH=11)
import { sql } from 'drizzle-orm';
import { permissionsOf, type Role } from '../src/contracts/common/permissions';
import type { OrgKind } from '../src/contracts/org';
import type { Actor } from '../src/server/kernel/access/actor';
import type { Db } from '../src/server/kernel/db/connection';
import { computeIndicator, createIndicatorRegistry } from '../src/server/kernel/indicators/registry';
import { createTodoRegistry } from '../src/server/kernel/indicators/todo-registry';
import type { ServiceContext } from '../src/server/kernel/service-context';
import { modules } from '../src/server/modules';
import { getDashboard } from '../src/server/modules/reports/dashboard.service';
import { previewSummary } from '../src/server/modules/reports/summaries.service';
import { median, openBenchDatabase } from './bench-db';
import { benchTownName } from './bench-generators';

const RUNS = Number(process.env.RUNS ?? 9);
const YEAR = Number(process.env.YEAR ?? 2026);
const MONTH = Number(process.env.MONTH ?? 11);

// The same lists app.ts registers: every module's indicators and to-do providers.
const indicators = createIndicatorRegistry(modules.flatMap((m) => m.indicators ?? []));
const todos = createTodoRegistry(modules.flatMap((m) => m.todos ?? []));

const ctxAt = async (db: Db, unitName: string, role: Role = 'federationAdmin'): Promise<ServiceContext> => {
  const [u] = (
    await db.execute(sql`select id::text as id, path, kind from org_units where name = ${unitName}`)
  ).rows as {
    id: string;
    path: string;
    kind: OrgKind;
  }[];
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

const time = async <T>(runs: number, f: () => Promise<T>) => {
  await f(); // warm-up
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await f();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), last: last as T };
};

const main = async () => {
  const b = await openBenchDatabase({ fresh: false });
  try {
    const counts = (
      await b.db.execute(sql`select (select count(*) from activities)::int as activities,
        (select count(*) from patrols)::int as patrols, (select count(*) from households)::int as households,
        (select count(*) from org_units where kind = 'village')::int as villages`)
    ).rows[0];
    console.log('data:', counts);
    const town = await ctxAt(b.db, benchTownName(1));
    const county = await ctxAt(b.db, '云溪县妇联');
    const q = { year: YEAR, month: MONTH };
    const results: [string, number, number | null][] = [];

    // Count the statements one call sends (a machine-independent measure of the work).
    const client = b.db.$client as unknown as { query: (...a: unknown[]) => unknown };
    const query = client.query.bind(client);
    let statements = 0;
    client.query = (...a: unknown[]) => {
      statements++;
      return query(...a);
    };
    const countStatements = async (f: () => Promise<unknown>) => {
      statements = 0;
      await f();
      return statements;
    };
    console.log(
      `statements per call: dashboard town ${await countStatements(() => getDashboard(town, indicators, todos, q))}, county ${await countStatements(() => getDashboard(county, indicators, todos, q))}; summary town ${await countStatements(() => previewSummary(town, indicators, { kind: 'annual', year: YEAR, style: 'exact', planItems: [] }))}, county ${await countStatements(() => previewSummary(county, indicators, { kind: 'annual', year: YEAR, style: 'exact', planItems: [] }))}`,
    );

    const dTown = await time(RUNS, () => getDashboard(town, indicators, todos, q));
    results.push(['dashboard, town (15 villages)', dTown.median, null]);
    const dCounty = await time(RUNS, () => getDashboard(county, indicators, todos, q));
    results.push(['dashboard, county (22 towns)', dCounty.median, null]);
    console.log(
      `dashboard: ${dCounty.last.keyFigures.length} key figures, ${dCounty.last.trends.length} trends, ${dCounty.last.breakdown.rows.length} rows, ${dCounty.last.todos.length} to-dos`,
    );

    const draft = { kind: 'annual' as const, year: YEAR, style: 'exact' as const, planItems: [] };
    const sTown = await time(RUNS, () => previewSummary(town, indicators, draft));
    results.push(['annual summary draft, town-year', sTown.median, 300]);
    const sCounty = await time(RUNS, () => previewSummary(county, indicators, draft));
    results.push(['annual summary draft, county-year', sCounty.median, 2000]);
    const figures = sCounty.last.content.sections.flatMap((s) =>
      s.paragraphs.flatMap((p) => p.runs.filter((r) => r.kind === 'figure')),
    ).length;
    console.log(`county summary: ${sCounty.last.content.sections.length} sections, ${figures} figures`);

    for (const [what, ms, target] of results)
      console.log(`${what}: median ${ms.toFixed(1)} ms${target ? ` (target ≤ ${target} ms)` : ''}`);

    // Each indicator against its bare SQL: county scope, a year, grouped by town. A distinct count's
    // total is not the sum of its towns (a person in two), so its bare SQL also computes the total
    // (grouping sets), as the indicator does.
    const from = `${YEAR}-01-01`;
    const to = `${YEAR}-12-31`;
    const scopePath = county.actor.orgPath;
    const like = `${scopePath}%`;
    const town2 = sql`split_part(substr(org_path, ${scopePath.length + 1}), '/', 1)`;
    const termTown = sql`split_part(substr(t.org_path, ${scopePath.length + 1}), '/', 1)`;
    const bare: Record<string, ReturnType<typeof sql>> = {
      'activities.sessions': sql`select org_path, count(*)::int from activities where deleted_at is null and occurred_on between ${from}::date and ${to}::date and org_path like ${like} group by 1`,
      'activities.attendances': sql`select org_path, sum(attendance)::int from activities where deleted_at is null and occurred_on between ${from}::date and ${to}::date and org_path like ${like} group by 1`,
      'activities.sites': sql`select ${town2}, count(distinct site_id)::int from activities where deleted_at is null and site_id is not null and occurred_on between ${from}::date and ${to}::date and org_path like ${like} group by grouping sets ((1), ())`,
      'patrols.count': sql`select org_path, count(*)::int from patrols where deleted_at is null and occurred_on between ${from}::date and ${to}::date and org_path like ${like} group by 1`,
      'patrols.participants': sql`select ${town2}, count(distinct c)::int from patrols p cross join lateral unnest(p.chief_ids) c where deleted_at is null and occurred_on between ${from}::date and ${to}::date and org_path like ${like} group by grouping sets ((1), ())`,
      'patrols.hazards': sql`select org_path, sum(hazards_found)::int from patrols where deleted_at is null and occurred_on between ${from}::date and ${to}::date and org_path like ${like} group by 1`,
      'org.sites': sql`select org_path, count(*)::int from sites where deleted_at is null and (opened_on is null or opened_on <= ${to}::date) and org_path like ${like} group by 1`,
      'people.roleHolders': sql`select ${termTown}, count(distinct t.person_id)::int from role_terms t join persons p on p.id = t.person_id where t.deleted_at is null and p.deleted_at is null and t.started_on <= ${to}::date and (t.ended_on is null or t.ended_on >= ${to}::date) and t.org_path like ${like} group by grouping sets ((1), ())`,
    };
    // The courtyard indicators count from the roll-ups the triggers keep (drizzle/0010): their bare SQL
    // reads the same roll-ups; `records` is what the same figure costs read from the records.
    const months12 = Array.from({ length: 12 }, (_, n) => `m${n + 1}`).join(' + ');
    const liveHousehold = sql`not exists (select 1 from households d where d.id = c.household_id and d.deleted_at is not null)`;
    Object.assign(bare, {
      'courtyards.inspections': sql`select org_path, sum(inspections)::int from courtyard_inspections_by_month where month between ${from}::date and ${to}::date and inspections > 0 and org_path like ${like} group by 1`,
      'courtyards.inspectedHouseholds': sql`select ${town2}, count(distinct household_id)::int from courtyard_inspected_households where year = ${YEAR} and ${sql.raw(months12)} > 0 and org_path like ${like} group by grouping sets ((1), ())`,
      'courtyards.households': sql`select org_path, count(*)::int from courtyard_rating_changes c where effective_on <= ${to}::date and (valid_until is null or valid_until > ${to}::date) and to_rating is not null and org_path like ${like} and ${liveHousehold} group by 1`,
      'courtyards.created': sql`select ${town2}, count(distinct household_id)::int from courtyard_rating_changes c where is_first_reach and effective_on between ${from}::date and ${to}::date and org_path like ${like} and ${liveHousehold} group by grouping sets ((1), ())`,
    });
    const records: Record<string, ReturnType<typeof sql>> = {
      'courtyards.inspections': sql`select org_path, count(*)::int from courtyard_inspections where deleted_at is null and inspected_on between ${from}::date and ${to}::date and org_path like ${like} group by 1`,
      'courtyards.inspectedHouseholds': sql`select ${town2}, count(distinct household_id)::int from courtyard_inspections where deleted_at is null and inspected_on between ${from}::date and ${to}::date and org_path like ${like} group by 1`,
      'courtyards.households': sql`select org_path, count(*)::int from (select distinct on (household_id) household_id, org_path, to_rating from courtyard_rating_changes where effective_on <= ${to}::date and org_path like ${like} order by household_id, effective_on desc, created_at desc, id desc) c where to_rating is not null and ${liveHousehold} group by 1`,
      'courtyards.created': sql`select ${town2}, count(distinct household_id)::int from (select distinct on (household_id, to_rating) household_id, org_path, effective_on from courtyard_rating_changes where to_rating is not null and org_path like ${like} order by household_id, to_rating, effective_on, created_at, id) c where effective_on between ${from}::date and ${to}::date and ${liveHousehold} group by 1`,
    };
    for (const i of indicators.list()) {
      const q2 = bare[i.key];
      if (!q2) continue;
      const ind = await time(RUNS, () =>
        computeIndicator(b.db, i, { from, to, scopePath, groupBy: 'orgUnit' }),
      );
      const raw = await time(RUNS, () => b.db.execute(q2));
      console.log(
        `${i.key} by town, county-year: indicator ${ind.median.toFixed(1)} ms, bare SQL ${raw.median.toFixed(1)} ms, ratio ${(ind.median / raw.median).toFixed(2)}×`,
      );
      const fromRecords = records[i.key];
      if (fromRecords) {
        const r = await time(RUNS, () => b.db.execute(fromRecords));
        console.log(`  ${i.key} read from the records instead (bare SQL): ${r.median.toFixed(1)} ms`);
      }
    }
  } finally {
    await b.close();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
