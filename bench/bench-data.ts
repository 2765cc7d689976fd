// Generates a synthetic county into the bench database, deterministic by seed.
// Run: npm run bench:data -- --towns 20 --households 300000 --seed 1
//      [--villages 15] [--activities 150] [--patrols 120] [--years 2025,2026]
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openBenchDatabase } from './bench-db';
import { type BenchContext, benchGenerators } from './bench-generators';

const { values } = parseArgs({
  options: {
    towns: { type: 'string', default: '20' },
    villages: { type: 'string', default: '15' },
    households: { type: 'string', default: '300000' },
    activities: { type: 'string', default: '150' },
    patrols: { type: 'string', default: '120' },
    years: { type: 'string', default: '2025,2026' },
    seed: { type: 'string', default: '1' },
  },
});

const main = async () => {
  const started = performance.now();
  const b = await openBenchDatabase({ fresh: true });
  try {
    const [county] = (
      await b.db.execute(
        sql`select id::text as id, path from org_units where kind = 'county' and depth = 0 limit 1`,
      )
    ).rows as { id: string; path: string }[];
    const ctx: BenchContext = {
      db: b.db,
      seed: Number(values.seed),
      towns: Number(values.towns),
      villagesPerTown: Number(values.villages),
      households: Number(values.households),
      activitiesPerVillageYear: Number(values.activities),
      patrolsPerVillageYear: Number(values.patrols),
      years: String(values.years).split(',').map(Number),
      countyId: county.id,
      countyPath: county.path,
      log: (m) => console.log(m),
    };
    for (const g of benchGenerators) {
      const t0 = performance.now();
      await g.run(ctx);
      console.log(`${g.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    await b.db.execute(sql`vacuum analyze`);
    const counts = (
      await b.db.execute(sql`select
        (select count(*) from org_units where kind = 'town')::int as towns,
        (select count(*) from org_units where kind = 'village')::int as villages,
        (select count(*) from households)::int as households,
        (select count(*) from persons)::int as persons,
        (select count(*) from role_terms)::int as role_terms,
        (select count(*) from sites)::int as sites,
        (select count(*) from activities)::int as activities,
        (select count(*) from patrols)::int as patrols,
        (select count(*) from courtyard_inspections)::int as courtyard_inspections`)
    ).rows[0];
    console.log(counts);
    console.log(
      `bench data ready in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${values.seed})`,
    );
  } finally {
    await b.close();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
