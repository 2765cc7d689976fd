// The county's two-cancer screening counts — cancerScreening.screened by town × result for a programme
// year over WOMEN eligible women (a record each, ~80 % screened) — against the bare SQL aggregate on
// the same data.
// Run: npx tsx bench/screenings.bench.ts   (WOMEN=150000 TOWNS=20 RUNS=7)
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../src/server/kernel/db/ids';
import { computeIndicator } from '../src/server/kernel/indicators/registry';
import { screenedIndicator } from '../src/server/modules/screenings/screenings.indicators';
import { benchDatabase, median } from './bench-db';

const WOMEN = Number(process.env.WOMEN ?? 150_000);
const TOWNS = Number(process.env.TOWNS ?? 20);
const VILLAGES = 15;
const RUNS = Number(process.env.RUNS ?? 7);

const main = async () => {
  const b = await benchDatabase();
  try {
    const county = await b.ctxFor('county');
    const villages: { id: string; path: string }[] = [];
    for (let t = 0; t < TOWNS; t++) {
      const townId = uuidv7();
      const townPath = `${county.actor.orgPath}${townId}/`;
      await b.db.execute(
        sql`insert into org_units (id, parent_id, kind, name, path, depth) values (${townId}, ${county.actor.orgUnitId}, 'town', ${`筛查基准镇${t}`}, ${townPath}, 1)`,
      );
      for (let v = 0; v < VILLAGES; v++) {
        const id = uuidv7();
        villages.push({ id, path: `${townPath}${id}/` });
        await b.db.execute(
          sql`insert into org_units (id, parent_id, kind, name, path, depth) values (${id}, ${townId}, 'village', ${`筛查基准镇${t}村${v}`}, ${`${townPath}${id}/`}, 2)`,
        );
      }
    }
    // One record per eligible woman: mobilised in spring, four in five screened April–July, results
    // mostly normal, 6 % needing follow-up, a few diagnosed.
    await b.db.execute(sql`
      insert into cancer_screenings (id, org_unit_id, org_path, person_id, programme_year, category, mobilised_on,
        consent_signed_on, screened_on, site, result)
      select gen_random_uuid(), v.id, v.path, gen_random_uuid(), 2025, (array['rural','urbanLowIncome','other'])[1 + (g % 3)],
        date '2025-03-01' + (g % 90),
        case when g % 5 <> 0 then date '2025-04-01' + (g % 120) end,
        case when g % 5 <> 0 then date '2025-04-01' + (g % 120) end,
        case when g % 5 <> 0 then '县妇幼保健院' end,
        case when g % 5 = 0 then null when g % 200 = 1 then 'diagnosed' when g % 17 = 1 then 'followUp' else 'normal' end
      from generate_series(1, ${WOMEN}) g
      join lateral (select id, path from unnest(${sql.param(villages.map((x) => x.id))}::uuid[], ${sql.param(villages.map((x) => x.path))}::text[]) as t(id, path) offset (g % ${villages.length}) limit 1) v on true`);
    await b.db.execute(sql`analyze cancer_screenings`);
    const args = {
      from: '2025-01-01',
      to: '2025-12-31',
      scopePath: county.actor.orgPath,
      groupBy: 'orgUnit,result',
    };
    const bare = sql`select org_unit_id, coalesce(result, 'pending'), count(*)::int from cancer_screenings
      where deleted_at is null and screened_on between '2025-01-01' and '2025-12-31' and org_path like ${`${county.actor.orgPath}%`}
      group by 1, 2`;
    const indicatorTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      const result = await computeIndicator(b.db, screenedIndicator, args);
      indicatorTimes.push(performance.now() - t0);
      t0 = performance.now();
      const rows = (await b.db.execute(bare)).rows as { count: number }[];
      bareTimes.push(performance.now() - t0);
      if (i === 0) {
        const bareTotal = rows.reduce((a, r) => a + r.count, 0);
        console.log(
          `cells: indicator ${result.rows.length}, bare ${rows.length}; total ${result.total} (bare ${bareTotal})`,
        );
        if (result.total !== bareTotal) throw new Error('indicator and bare SQL disagree');
      }
    }
    const mi = median(indicatorTimes);
    const mb = median(bareTimes);
    console.log(
      `cancerScreening.screened town × result, ${WOMEN} women / ${TOWNS} towns: median ${mi.toFixed(1)} ms; bare SQL ${mb.toFixed(1)} ms; ratio ${(mi / mb).toFixed(2)}×`,
    );
  } finally {
    await b.close();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
