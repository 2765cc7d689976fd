import { sql } from 'drizzle-orm';
import { defaultRubricRules } from '../src/contracts/courtyards';
import type { Db } from '../src/server/kernel/db/connection';
import { uuidv7 } from '../src/server/kernel/db/ids';

export type CourtyardCountyOptions = {
  countyId: string;
  countyPath: string;
  towns: number;
  villagesPerTown: number;
  householdsPerVillage: number;
  /** `YYYY-MM`, oldest first: one monthly inspection per household per month. */
  months: string[];
  log?: (line: string) => void;
};

/**
 * A county-scale courtyard programme generated inside PostgreSQL (generate_series, one statement
 * per month): towns and villages under the county, households, one monthly inspection per
 * household and month scored around a per-household level, a rating history (a confirmed change
 * every few months) and the current status. Returns the towns created. Usable by any county
 * generator: it only needs an existing county unit.
 */
export const generateCourtyardCounty = async (db: Db, o: CourtyardCountyOptions) => {
  const log = o.log ?? (() => {});
  const towns: { id: string; path: string }[] = [];
  const villages: { id: string; path: string }[] = [];
  for (let t = 0; t < o.towns; t++) {
    const townId = uuidv7();
    const townPath = `${o.countyPath}${townId}/`;
    towns.push({ id: townId, path: townPath });
    await db.execute(
      sql`insert into org_units (id, parent_id, kind, name, path, depth) values (${townId}, ${o.countyId}, 'town', ${`庭院基准镇${t}`}, ${townPath}, 1)`,
    );
    for (let v = 0; v < o.villagesPerTown; v++) {
      const id = uuidv7();
      villages.push({ id, path: `${townPath}${id}/` });
    }
  }
  await db.execute(sql`insert into org_units (id, parent_id, kind, name, path, depth)
    select u.id, split_part(u.path, '/', 3)::uuid, 'village', '庭院基准村' || u.n, u.path, 2
    from unnest(${sql.param(villages.map((v) => v.id))}::uuid[], ${sql.param(villages.map((v) => v.path))}::text[])
      with ordinality as u(id, path, n)`);
  const rubricId = uuidv7();
  await db.execute(sql`insert into courtyard_rubrics (id, org_unit_id, org_path, year, version_no, name, is_example, rules)
    values (${rubricId}, ${o.countyId}, ${o.countyPath}, ${Number(o.months[0].slice(0, 4))}, 1, '基准细则', true, ${JSON.stringify(defaultRubricRules)}::jsonb)
    on conflict do nothing`);
  let t0 = performance.now();
  // Households (a work table, not a temp one: the pool may hand each statement another connection); `care` (0–1) fixes how well each keeps its courtyard, used for its scores.
  await db.execute(sql`create unlogged table bench_hh as
    select gen_random_uuid() as id, v.id as village_id, v.path, g as n, random() as care
    from unnest(${sql.param(villages.map((v) => v.id))}::uuid[], ${sql.param(villages.map((v) => v.path))}::text[]) as v(id, path)
    cross join generate_series(1, ${o.householdsPerVillage}) g`);
  await db.execute(sql`insert into households (id, org_unit_id, org_path, address, house_number)
    select id, village_id, path, '基准路', n || '号' from bench_hh`);
  log(`households: ${(performance.now() - t0).toFixed(0)} ms`);
  const { clean, model, premium } = defaultRubricRules.thresholds;
  for (const month of o.months) {
    t0 = performance.now();
    await db.execute(sql`insert into courtyard_inspections (id, org_unit_id, org_path, household_id, rubric_id, kind, inspected_on, month,
        total_score, rating, is_veto)
      select gen_random_uuid(), village_id, path, id, ${rubricId}, 'monthly', (${month} || '-' || (20 + n % 8))::date, ${month}, s.score,
        case when s.score >= ${premium} then 'premium' when s.score >= ${model} then 'model' when s.score >= ${clean} then 'clean' end,
        false
      from bench_hh cross join lateral (select round(least(100, greatest(20, 45 + care * 55 + (random() - 0.5) * 20))::numeric, 1)::float8 as score) s`);
    log(`inspections ${month}: ${(performance.now() - t0).toFixed(0)} ms`);
  }
  t0 = performance.now();
  // A confirmed rating change every quarter for households whose level moved.
  const quarters = o.months.filter((_, i) => i % 3 === 2);
  for (const month of quarters) {
    await db.execute(sql`insert into courtyard_rating_changes (id, household_id, org_unit_id, org_path, month, effective_on, from_rating, to_rating, average_score, reason)
      select gen_random_uuid(), h.id, h.village_id, h.path, ${month}, (date_trunc('month', (${month} || '-01')::date) + interval '1 month - 1 day')::date,
        null, x.rating, x.avg, '基准'
      from bench_hh h cross join lateral (
        select avg(total_score) as avg,
          case when avg(total_score) >= ${premium} then 'premium' when avg(total_score) >= ${model} then 'model' when avg(total_score) >= ${clean} then 'clean' end as rating
        from (select total_score from courtyard_inspections i where i.household_id = h.id and i.month <= ${month} order by i.month desc limit 3) l) x`);
  }
  await db.execute(sql`insert into courtyard_household_status (household_id, org_unit_id, org_path, rating, rated_on, plaque_level, plaque_since, average_score)
    select distinct on (household_id) household_id, org_unit_id, org_path, to_rating, effective_on, to_rating, effective_on, average_score
    from courtyard_rating_changes where household_id in (select id from bench_hh) order by household_id, effective_on desc`);
  log(`rating history and status: ${(performance.now() - t0).toFixed(0)} ms`);
  await db.execute(sql`drop table bench_hh`);
  await db.execute(sql`analyze`);
  return { towns, villages: villages.length, rubricId };
};
