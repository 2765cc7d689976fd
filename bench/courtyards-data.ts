import { type SQL, sql } from 'drizzle-orm';
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
  const t0 = performance.now();
  await db.execute(sql`insert into households (id, org_unit_id, org_path, address, house_number)
    select gen_random_uuid(), v.id, v.path, '基准路', g || '号'
    from unnest(${sql.param(villages.map((v) => v.id))}::uuid[], ${sql.param(villages.map((v) => v.path))}::text[]) as v(id, path)
    cross join generate_series(1, ${o.householdsPerVillage}) g`);
  log(`households: ${(performance.now() - t0).toFixed(0)} ms`);
  const { rubricId } = await generateCourtyardRecords(db, {
    ...o,
    households: sql`select id, org_unit_id, org_path from households
      where org_unit_id = any(${sql.param(villages.map((v) => v.id))}::uuid[])`,
  });
  return { towns, villages: villages.length, rubricId };
};

/**
 * A year of the courtyard programme over existing households (`households` selects id,
 * org_unit_id, org_path): the county rubric, one monthly inspection per household and month scored
 * around a per-household level, a confirmed rating change every quarter and the current status.
 * Deterministic: each household's level and each month's noise are hashes of its id.
 */
export const generateCourtyardRecords = async (
  db: Db,
  o: Pick<CourtyardCountyOptions, 'countyId' | 'countyPath' | 'months' | 'log'> & { households: SQL },
) => {
  const log = o.log ?? (() => {});
  const year = Number(o.months[0].slice(0, 4));
  await db.execute(sql`insert into courtyard_rubrics (id, org_unit_id, org_path, year, version_no, name, is_example, rules)
    values (${uuidv7()}, ${o.countyId}, ${o.countyPath}, ${year}, 1, '基准细则', true, ${JSON.stringify(defaultRubricRules)}::jsonb)
    on conflict do nothing`);
  // The county's rubric of the year: the one just made, or the one the county already had.
  const [{ id: rubricId }] = (
    await db.execute(sql`select id from courtyard_rubrics where org_unit_id = ${o.countyId} and year = ${year}
      and deleted_at is null order by version_no desc limit 1`)
  ).rows as { id: string }[];
  let t0 = performance.now();
  // A work table, not a temp one: the pool may hand each statement another connection. `care` (0–1)
  // fixes how well each household keeps its courtyard.
  await db.execute(sql`drop table if exists bench_hh`);
  await db.execute(sql`create unlogged table bench_hh as
    select h.id, h.org_unit_id as village_id, h.org_path as path, row_number() over (order by h.id) as n,
      (abs(hashtext(h.id::text || ':care')) % 1000) / 1000.0 as care
    from (${o.households}) h`);
  log(`work table: ${(performance.now() - t0).toFixed(0)} ms`);
  const { clean, model, premium } = defaultRubricRules.thresholds;
  for (const month of o.months) {
    t0 = performance.now();
    await db.execute(sql`insert into courtyard_inspections (id, org_unit_id, org_path, household_id, rubric_id, kind, inspected_on, month,
        total_score, rating, is_veto)
      select gen_random_uuid(), village_id, path, id, ${rubricId}, 'monthly', (${month} || '-' || (20 + n % 8))::date, ${month}, s.score,
        case when s.score >= ${premium} then 'premium' when s.score >= ${model} then 'model' when s.score >= ${clean} then 'clean' end,
        false
      from bench_hh cross join lateral (select round(least(100, greatest(20, 45 + care * 55 + ((abs(hashtext(id::text || ${`:${month}`})) % 1000) / 1000.0 - 0.5) * 20))::numeric, 1)::float8 as score) s`);
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
  return { rubricId };
};
