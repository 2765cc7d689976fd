// County scale for the courtyard programme: 300,000 households × 12 monthly inspections (3.6 M rows).
// Times (medians) a town's month of ratings and plaque changes (the review computation the 评比会
// confirms) and `courtyards.households{rating}` for the whole county, each against the bare SQL
// that computes the same numbers.
// Run: npx tsx bench/courtyards.bench.ts   (TOWNS=20 VILLAGES=50 HOUSEHOLDS=300 RUNS=7)
import { sql } from 'drizzle-orm';
import { defaultRubricRules, monthBounds } from '../src/contracts/courtyards';
import { computeIndicator } from '../src/server/kernel/indicators/registry';
import { courtyardHouseholdsIndicator } from '../src/server/modules/courtyards/courtyards.indicators';
import { computeItems } from '../src/server/modules/courtyards/reviews.service';
import { benchDatabase, median } from './bench-db';
import { generateCourtyardCounty } from './courtyards-data';

const TOWNS = Number(process.env.TOWNS ?? 20);
const VILLAGES = Number(process.env.VILLAGES ?? 50);
const HOUSEHOLDS = Number(process.env.HOUSEHOLDS ?? 300);
const RUNS = Number(process.env.RUNS ?? 7);
const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

const time = async <T>(f: () => Promise<T>) => {
  const t0 = performance.now();
  const result = await f();
  return { ms: performance.now() - t0, result };
};

const main = async () => {
  const b = await benchDatabase();
  try {
    const county = await b.ctxFor('county');
    const started = performance.now();
    const { towns } = await generateCourtyardCounty(b.db, {
      countyId: county.actor.orgUnitId,
      countyPath: county.actor.orgPath,
      towns: TOWNS,
      villagesPerTown: VILLAGES,
      householdsPerVillage: HOUSEHOLDS,
      months: MONTHS,
      log: (l) => console.log(`  ${l}`),
    });
    const [{ n }] = (await b.db.execute(sql`select count(*)::int as n from courtyard_inspections`)).rows as {
      n: number;
    }[];
    console.log(
      `generated ${TOWNS * VILLAGES * HOUSEHOLDS} households, ${n} inspections in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );

    // 1. A town's month: ratings (average of the last 3 monthly scores, veto) and plaque changes.
    const town = towns[0];
    const month = MONTHS[MONTHS.length - 1];
    const { to } = monthBounds(month);
    const { clean, model, premium } = defaultRubricRules.thresholds;
    const bareReview = sql`
      with last as (
        select i.household_id, i.total_score, i.is_veto, i.rating,
          row_number() over (partition by i.household_id order by i.month desc) as rn
        from courtyard_inspections i
        where i.org_path like ${`${town.path}%`} and i.kind = 'monthly' and i.deleted_at is null and i.month <= ${month}),
      agg as (
        select household_id, round(avg(total_score) filter (where rn <= 3)::numeric, 1) as average,
          bool_or(is_veto) filter (where rn <= 3) as veto,
          count(*) filter (where rn <= 2 and rating is null) as failed
        from last where rn <= 3 group by household_id)
      select a.household_id, s.rating, s.plaque_level,
        case when a.veto then null when a.average >= ${premium} then 'premium' when a.average >= ${model} then 'model'
          when a.average >= ${clean} then 'clean' end as new_rating,
        a.failed >= 2 or exists (select 1 from courtyard_rectifications r where r.household_id = a.household_id
          and r.deleted_at is null and r.deadline < ${to}::date and (r.fixed_on is null or r.fixed_on > ${to}::date)) as removal
      from agg a left join courtyard_household_status s on s.household_id = a.household_id`;
    const reviewTimes: number[] = [];
    const bareReviewTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const app = await time(() => computeItems(b.db, town.path, town.id, month));
      const bare = await time(async () => (await b.db.execute(bareReview)).rows);
      reviewTimes.push(app.ms);
      bareReviewTimes.push(bare.ms);
      if (i === 0)
        console.log(
          `town month: ${app.result.length} households with a change; bare SQL rows ${bare.result.length}`,
        );
    }
    const mr = median(reviewTimes);
    const mbr = median(bareReviewTimes);
    console.log(
      `review of a town's month (${VILLAGES * HOUSEHOLDS} households, ${VILLAGES * HOUSEHOLDS * 3} inspections read): median ${mr.toFixed(0)} ms; bare SQL ${mbr.toFixed(0)} ms; ratio ${(mr / mbr).toFixed(2)}×`,
    );

    // 2. courtyards.households{rating} for the county at the year end: the indicator reads the rating
    // spans the trigger keeps (drizzle/0010); its bare SQL reads the same spans. The `distinct on`
    // over the history is what the figure cost before the spans.
    const args = { from: '2025-01-01', to: '2025-12-31', scopePath: county.actor.orgPath, groupBy: 'rating' };
    const like = `${county.actor.orgPath}%`;
    const bareHouseholds = sql`
      select c.to_rating, count(*)::int from courtyard_rating_changes c
      where c.effective_on <= '2025-12-31' and (c.valid_until is null or c.valid_until > '2025-12-31')
        and c.to_rating is not null and c.org_path like ${like}
        and not exists (select 1 from households d where d.id = c.household_id and d.deleted_at is not null)
      group by 1`;
    const withoutSpans = sql`
      select c.to_rating, count(*)::int from (
        select distinct on (household_id) household_id, to_rating, org_path from courtyard_rating_changes
        where effective_on <= '2025-12-31' order by household_id, effective_on desc, created_at desc, id desc) c
      join households h on h.id = c.household_id
      where c.to_rating is not null and h.deleted_at is null and c.org_path like ${like}
      group by 1`;
    const indicatorTimes: number[] = [];
    const bareTimes: number[] = [];
    const historyTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const app = await time(() => computeIndicator(b.db, courtyardHouseholdsIndicator, args));
      const bare = await time(async () => (await b.db.execute(bareHouseholds)).rows);
      const history = await time(async () => (await b.db.execute(withoutSpans)).rows);
      indicatorTimes.push(app.ms);
      bareTimes.push(bare.ms);
      historyTimes.push(history.ms);
      if (i === 0)
        console.log(
          `county households by rating: ${JSON.stringify(app.result.rows.map((r) => [r.group, r.value]))}; bare ${JSON.stringify(bare.result)}; from the history ${JSON.stringify(history.result)}`,
        );
    }
    const mi = median(indicatorTimes);
    const mb = median(bareTimes);
    console.log(
      `courtyards.households{rating} for the county: median ${mi.toFixed(0)} ms; bare SQL ${mb.toFixed(0)} ms; ratio ${(mi / mb).toFixed(2)}×; the distinct on over the history ${median(historyTimes).toFixed(0)} ms`,
    );
  } finally {
    await b.close();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
