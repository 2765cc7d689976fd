// duties.compliance for the county by town over a year — executive members in 20 towns, a contact
// log of a year — against a hand-written SQL of the same count; and a member's due list's p99.
// Run: npx tsx bench/duties.bench.ts   (MEMBERS=12000 CONTACTS=500000 TOWNS=20 RUNS=7; the issue's scale)
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../src/server/kernel/db/ids';
import { computeIndicator } from '../src/server/kernel/indicators/registry';
import { memberDuties } from '../src/server/modules/honours/duties.service';
import { dutiesComplianceIndicator } from '../src/server/modules/honours/honours.indicators';
import { benchDatabase, median } from './bench-db';

const MEMBERS = Number(process.env.MEMBERS ?? 12_000);
const CONTACTS = Number(process.env.CONTACTS ?? 500_000);
const TOWNS = Number(process.env.TOWNS ?? 20);
const VILLAGES = 15;
const RUNS = Number(process.env.RUNS ?? 7);
const YEAR = 2025;

const main = async () => {
  const b = await benchDatabase();
  try {
    const county = await b.ctxFor('county');
    const villages: { id: string; path: string }[] = [];
    const towns: { id: string; path: string }[] = [];
    for (let t = 0; t < TOWNS; t++) {
      const townId = uuidv7();
      const townPath = `${county.actor.orgPath}${townId}/`;
      towns.push({ id: townId, path: townPath });
      await b.db.execute(
        sql`insert into org_units (id, parent_id, kind, name, path, depth) values (${townId}, ${county.actor.orgUnitId}, 'town', ${`基准镇${t}`}, ${townPath}, 1)`,
      );
      for (let v = 0; v < VILLAGES; v++) {
        const id = uuidv7();
        villages.push({ id, path: `${townPath}${id}/` });
        await b.db.execute(
          sql`insert into org_units (id, parent_id, kind, name, path, depth) values (${id}, ${townId}, 'village', ${`基准镇${t}村${v}`}, ${`${townPath}${id}/`}, 2)`,
        );
      }
      // Each town's rules: monthly contact, quarterly visit, a project a year.
      for (const [name, rhythm, by] of [
        ['每月联系妇女', 'month', 'contact'],
        ['每季度走访', 'quarter', 'visit'],
        ['领办项目', 'year', 'project'],
      ])
        await b.db.execute(sql`insert into duty_rules (id, org_unit_id, org_path, name, rhythm, fulfilled_by)
          values (${uuidv7()}, ${townId}, ${townPath}, ${name}, ${rhythm}, ${by})`);
    }
    const ids = sql.param(villages.map((x) => x.id));
    const paths = sql.param(villages.map((x) => x.path));
    // Members (persons with an open executive-member term), spread over the villages.
    await b.db.execute(sql`
      create temporary table bench_members as
      select gen_random_uuid() as id, v.id as unit_id, v.path
      from generate_series(1, ${MEMBERS}) g
      join lateral (select id, path from unnest(${ids}::uuid[], ${paths}::text[]) as t(id, path) offset (g % ${villages.length}) limit 1) v on true`);
    await b.db.execute(sql`insert into persons (id, org_unit_id, org_path, name, name_pinyin, gender)
      select id, unit_id, path, '基准执委', 'jizhunzhiwei', 'female' from bench_members`);
    await b.db.execute(sql`insert into role_terms (id, person_id, org_unit_id, org_path, role, started_on)
      select gen_random_uuid(), id, unit_id, path, 'executiveMember', date '2021-06-15' from bench_members`);
    // A year of contacts and visits (most members keep up, some skip), and projects for two in three.
    await b.db.execute(sql`
      insert into duty_records (id, org_unit_id, org_path, member_id, kind, occurred_on, women_contacted)
      select gen_random_uuid(), m.unit_id, m.path, m.id, case when g % 5 = 0 then 'visit' else 'contact' end,
        date '2025-01-01' + ((g * 7919) % 365), 3
      from generate_series(1, ${CONTACTS}) g
      join lateral (select * from bench_members offset (g % ${MEMBERS}) limit 1) m on true`);
    await b.db.execute(sql`
      insert into duty_projects (id, org_unit_id, org_path, member_id, title, claimed_on, progress, done_on, evidence)
      select gen_random_uuid(), unit_id, path, id, '基准项目', date '2025-03-01', 100, date '2025-10-01', '完成'
      from bench_members where ('x' || substr(md5(id::text), 1, 2))::bit(8)::int % 3 <> 0`);
    await b.db.execute(sql`analyze`);

    const asOf = `${YEAR}-12-31`;
    const args = {
      from: `${YEAR}-01-01`,
      to: asOf,
      scopePath: county.actor.orgPath,
      groupBy: 'orgUnit,status',
    };
    // The same count written by hand: each member's periods from the rules of her town, each period's
    // records counted directly, members with every period met, by town.
    const bare = sql`
      with m as (
        select t.person_id, t.org_path from role_terms t
        where t.role = 'executiveMember' and t.deleted_at is null and t.org_path like ${`${county.actor.orgPath}%`}
          and t.started_on <= ${asOf}::date and (t.ended_on is null or t.ended_on >= ${`${YEAR}-01-01`}::date)
      ),
      per as (
        select m.person_id, m.org_path, r.fulfilled_by, r.times, p.ps, p.pe
        from m join duty_rules r on r.deleted_at is null and m.org_path like r.org_path || '%'
        cross join lateral (
          select g::date as ps, (g + (case r.rhythm when 'month' then interval '1 month' when 'quarter' then interval '3 months' else interval '1 year' end) - interval '1 day')::date as pe
          from generate_series(${`${YEAR}-01-01`}::date, ${asOf}::date, case r.rhythm when 'month' then interval '1 month' when 'quarter' then interval '3 months' else interval '1 year' end) g
        ) p
      ),
      done as (
        select per.person_id, per.org_path,
          case when per.fulfilled_by = 'project'
            then (select count(*) from duty_projects d where d.member_id = per.person_id and d.deleted_at is null and d.done_on between per.ps and per.pe)
            else (select count(*) from duty_records d where d.member_id = per.person_id and d.kind = per.fulfilled_by and d.deleted_at is null and d.occurred_on between per.ps and per.pe)
          end >= per.times as ok
        from per
      )
      select split_part(org_path, '/', 3) as town, bool_and(ok) as met, count(*)
      from done group by person_id, org_path`;
    const bareByTown = sql`select town, met, count(*)::int from (${bare}) x group by 1, 2`;
    const indicatorTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      const result = await computeIndicator(b.db, dutiesComplianceIndicator, args);
      indicatorTimes.push(performance.now() - t0);
      t0 = performance.now();
      const rows = (await b.db.execute(bareByTown)).rows as { met: boolean; count: number }[];
      bareTimes.push(performance.now() - t0);
      if (i === 0) {
        const bareMet = rows.filter((r) => r.met).reduce((a, r) => a + r.count, 0);
        const indicatorMet = result.rows.filter((r) => r.group2 === 'met').reduce((a, r) => a + r.value, 0);
        console.log(`members: indicator ${result.total}, met ${indicatorMet}; bare met ${bareMet}`);
        if (bareMet !== indicatorMet) throw new Error('the indicator and the bare SQL disagree');
      }
    }
    const mi = median(indicatorTimes);
    const mb = median(bareTimes);
    console.log(
      `duties.compliance town × status, ${MEMBERS} members / ${CONTACTS} records: median ${mi.toFixed(0)} ms; bare SQL ${mb.toFixed(0)} ms; ratio ${(mi / mb).toFixed(2)}×`,
    );

    // A member's due list, as her village chair reads it: 200 members at random.
    const sample = (await b.db.execute(sql`select id from bench_members order by random() limit 200`))
      .rows as {
      id: string;
    }[];
    const times: number[] = [];
    for (const m of sample) {
      const t0 = performance.now();
      await memberDuties(county, m.id, { year: YEAR });
      times.push(performance.now() - t0);
    }
    times.sort((a, c) => a - c);
    console.log(
      `due list: p50 ${times[Math.floor(times.length * 0.5)].toFixed(1)} ms, p99 ${times[Math.floor(times.length * 0.99)].toFixed(1)} ms`,
    );
  } finally {
    await b.close();
  }
};

await main();
