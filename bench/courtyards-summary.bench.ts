// The courtyard figures of an annual summary at county scale: 300,000 households with six years of
// rating history, each with a first reach of clean, model and/or premium. Times (medians) the county's
// `courtyards.everRated` total and by rating, and `courtyards.groupMembers{role}` over 20 towns' groups.
// Run: npx tsx bench/courtyards-summary.bench.ts   (TOWNS=20 VILLAGES=50 HOUSEHOLDS=300 RUNS=7)
import { sql } from 'drizzle-orm';
import { computeIndicator } from '../src/server/kernel/indicators/registry';
import {
  courtyardEverRatedIndicator,
  courtyardGroupMembersIndicator,
} from '../src/server/modules/courtyards/courtyards.indicators';
import { benchDatabase, median } from './bench-db';

const TOWNS = Number(process.env.TOWNS ?? 20);
const VILLAGES = Number(process.env.VILLAGES ?? 50);
const HOUSEHOLDS = Number(process.env.HOUSEHOLDS ?? 300);
const RUNS = Number(process.env.RUNS ?? 7);

const main = async () => {
  const b = await benchDatabase();
  try {
    const county = await b.ctxFor('county');
    const countyPath = county.actor.orgPath;
    const started = performance.now();
    await b.db.execute(sql`create unlogged table bench_towns as
      select gen_random_uuid() as id, n from generate_series(1, ${TOWNS}) n`);
    await b.db.execute(sql`insert into org_units (id, parent_id, kind, name, path, depth)
      select id, ${county.actor.orgUnitId}, 'town', '总结基准镇' || n, ${countyPath} || id || '/', 1 from bench_towns`);
    await b.db.execute(sql`insert into org_units (id, parent_id, kind, name, path, depth)
      select gen_random_uuid(), t.id, 'village', '总结基准村' || t.n || '-' || v, '', 2
      from bench_towns t cross join generate_series(1, ${VILLAGES}) v`);
    await b.db.execute(sql`update org_units u set path = p.path || u.id || '/'
      from org_units p where u.parent_id = p.id and u.path = ''`);
    await b.db.execute(sql`insert into households (id, org_unit_id, org_path, address, house_number)
      select gen_random_uuid(), u.id, u.path, '基准路', g || '号'
      from org_units u cross join generate_series(1, ${HOUSEHOLDS}) g where u.name like '总结基准村%'`);
    // Six years: first rated in 2020–2025 at a level, half of them upgraded a year or two later.
    await b.db.execute(sql`insert into courtyard_rating_changes (id, household_id, org_unit_id, org_path, month, effective_on, from_rating, to_rating, reason)
      select gen_random_uuid(), h.id, h.org_unit_id, h.org_path, to_char(d, 'YYYY-MM'), d, null,
        (array['clean','model','premium'])[1 + abs(hashtext(h.id::text)) % 3], '基准'
      from households h cross join lateral (select make_date(2020 + abs(hashtext(h.id::text || 'y')) % 6, 6, 30) as d) x
      where h.address = '基准路'`);
    await b.db.execute(sql`insert into courtyard_rating_changes (id, household_id, org_unit_id, org_path, month, effective_on, from_rating, to_rating, reason)
      select gen_random_uuid(), c.household_id, c.org_unit_id, c.org_path, to_char(c.effective_on + 365, 'YYYY-MM'), c.effective_on + 365,
        c.to_rating, case c.to_rating when 'clean' then 'model' else 'premium' end, '基准'
      from courtyard_rating_changes c where c.reason = '基准' and c.to_rating <> 'premium' and abs(hashtext(c.household_id::text || 'u')) % 2 = 0`);
    // Quarterly ups and downs between levels already reached: history that is not a first reach.
    for (const y of [2023, 2024, 2025]) {
      await b.db.execute(sql`insert into courtyard_rating_changes (id, household_id, org_unit_id, org_path, month, effective_on, from_rating, to_rating, reason)
        select gen_random_uuid(), h.id, h.org_unit_id, h.org_path, to_char(d, 'YYYY-MM'), d, null, r, '反复'
        from households h cross join lateral (values (make_date(${y}, 3, 31), null::text), (make_date(${y}, 9, 30),
          (array['clean','model','premium'])[1 + abs(hashtext(h.id::text)) % 3])) x(d, r)
        where h.address = '基准路' and make_date(2020 + abs(hashtext(h.id::text || 'y')) % 6, 6, 30) < make_date(${y}, 3, 31)`);
    }
    // Each town: four groups of five village chairs.
    await b.db.execute(sql`insert into persons (id, org_unit_id, org_path, name, name_pinyin)
      select gen_random_uuid(), u.id, u.path, '主席' || u.name, 'zhuxi' from org_units u where u.name like '总结基准村%'`);
    await b.db.execute(sql`insert into role_terms (id, person_id, org_unit_id, org_path, role, started_on)
      select gen_random_uuid(), p.id, p.org_unit_id, p.org_path, 'chair', '2021-05-01' from persons p where p.name like '主席总结基准村%'`);
    await b.db.execute(sql`insert into courtyard_groups (id, org_unit_id, org_path, name, member_ids, created_at)
      select gen_random_uuid(), t.id, ${countyPath} || t.id || '/', '验收小组' || g,
        (select array_agg(p.id) from (select p.id from persons p where p.org_path like ${countyPath} || t.id || '/%'
          order by p.id offset (g - 1) * 5 limit 5) p), '2025-02-01'
      from bench_towns t cross join generate_series(1, 4) g`);
    await b.db.execute(sql`drop table bench_towns`);
    await b.db.execute(sql`analyze`);
    const [{ n }] = (await b.db.execute(sql`select count(*)::int as n from courtyard_rating_changes`))
      .rows as {
      n: number;
    }[];
    console.log(
      `generated ${TOWNS * VILLAGES * HOUSEHOLDS} households, ${n} rating changes in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const period = { from: '2025-01-01', to: '2025-12-31', scopePath: countyPath };
    // The first formulation, for comparison: each household's highest first reach by a sort.
    const distinctOn = sql`select count(*)::int as n from (
      select distinct on (c.household_id) c.household_id from courtyard_rating_changes c
      where c.is_first_reach and c.to_rating is not null and c.effective_on <= '2025-12-31'::date
        and c.org_path like ${`${countyPath}%`}
      order by c.household_id, case c.to_rating when 'premium' then 3 when 'model' then 2 else 1 end desc, c.effective_on) x`;
    const cases = [
      [
        'everRated by distinct on (bare SQL)',
        async () => ({ total: ((await b.db.execute(distinctOn)).rows[0] as { n: number }).n }),
      ],
      ['everRated total', () => computeIndicator(b.db, courtyardEverRatedIndicator, period)],
      [
        'everRated by rating',
        () => computeIndicator(b.db, courtyardEverRatedIndicator, { ...period, groupBy: 'rating' }),
      ],
      [
        'groupMembers by role',
        () => computeIndicator(b.db, courtyardGroupMembersIndicator, { ...period, groupBy: 'role' }),
      ],
    ] as const;
    for (const [name, run] of cases) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        total = (await run()).total;
        times.push(performance.now() - t0);
      }
      console.log(`${name}: ${total}, median ${median(times).toFixed(0)} ms over ${RUNS} runs`);
    }
  } finally {
    await b.close();
  }
};

void main();
