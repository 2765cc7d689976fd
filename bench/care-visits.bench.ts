// 结对走访 at county scale: every key person paired, a year of monthly visits. Measures the county's
// care.visitsOverdue by village (the to-do's figure) against its bare SQL, a town's overdue list
// (the phone page, through the service) and visits logged one by one (each a transaction with its
// audit row and the pairing's version move).
// Run: npx tsx bench/care-visits.bench.ts   (TOWNS=20 PER_VILLAGE=40 VISITS=300 RUNS=7)
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../src/server/kernel/db/ids';
import { computeIndicator } from '../src/server/kernel/indicators/registry';
import { visitsOverdueIndicator } from '../src/server/modules/care/care.indicators';
import { createVisit, listPairings } from '../src/server/modules/care/visits.service';
import { benchDatabase, median } from './bench-db';

const TOWNS = Number(process.env.TOWNS ?? 20);
const VILLAGES = 15;
const PER_VILLAGE = Number(process.env.PER_VILLAGE ?? 40);
const VISITS = Number(process.env.VISITS ?? 300);
const RUNS = Number(process.env.RUNS ?? 7);
const YEAR = 2025;

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];

const main = async () => {
  const b = await benchDatabase();
  try {
    const county = await b.ctxFor('county');
    const town = await b.ctxFor('town');
    const villages: { id: string; path: string }[] = [];
    for (let t = 0; t < TOWNS; t++) {
      const townId = uuidv7();
      const townPath = `${county.actor.orgPath}${townId}/`;
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
    }
    // The demo town's villages too, so the town's list has pairings.
    const own = (
      await b.db.execute(
        sql`select id, path from org_units where kind = 'village' and path like ${`${town.actor.orgPath}%`}`,
      )
    ).rows as { id: string; path: string }[];
    villages.push(...own);
    const n = villages.length * PER_VILLAGE;
    await b.db.execute(sql`
      with v as (select * from unnest(${sql.param(villages.map((x) => x.id))}::uuid[], ${sql.param(villages.map((x) => x.path))}::text[]) with ordinality as t(id, path, k)),
      p as (insert into persons (id, org_unit_id, org_path, name, name_pinyin)
        select gen_random_uuid(), v.id, v.path, '基准结对' || g, 'jizhun' from generate_series(1, ${n}) g
        join v on v.k = 1 + (g % ${villages.length}) returning id, org_unit_id, org_path),
      k as (insert into care_key_people (id, org_unit_id, org_path, person_id, category, created_at)
        select gen_random_uuid(), p.org_unit_id, p.org_path, p.id, 'leftBehindWoman', timestamp '${sql.raw(String(YEAR))}-01-01'
        from p returning id, org_unit_id, org_path)
      insert into care_pairings (id, org_unit_id, org_path, key_person_id, helpers, frequency, started_on, created_by)
      select gen_random_uuid(), k.org_unit_id, k.org_path, k.id, jsonb_build_array(jsonb_build_object('userId', ${town.actor.userId}::text, 'personId', null)),
        (array['monthly','monthly','biweekly','quarterly'])[1 + (abs(hashtext(k.id::text)) % 4)], date '${sql.raw(String(YEAR))}-01-05', ${town.actor.userId}::uuid
      from k`);
    // Monthly visits, about one in twelve missed; a tenth of the pairings stop in the autumn (overdue).
    await b.db.execute(sql`
      insert into care_visits (id, org_unit_id, org_path, pairing_id, key_person_id, visited_on, mode, findings, help)
      select gen_random_uuid(), pr.org_unit_id, pr.org_path, pr.id, pr.key_person_id, (m + interval '7 days')::date,
        'home', '基准走访情况', '["policy"]'::jsonb
      from care_pairings pr
      cross join generate_series(date '${sql.raw(String(YEAR))}-01-01', date '${sql.raw(String(YEAR))}-12-01', interval '1 month') m
      where abs(hashtext(pr.id::text || m::text)) % 12 <> 0
        and (abs(hashtext(pr.id::text)) % 10 <> 0 or m < date '${sql.raw(String(YEAR))}-09-01')`);
    await b.db.execute(sql`analyze care_pairings`);
    await b.db.execute(sql`analyze care_visits`);
    const [{ pairings, visits }] = (
      await b.db.execute(
        sql`select (select count(*)::int from care_pairings) as pairings, (select count(*)::int from care_visits) as visits`,
      )
    ).rows as { pairings: number; visits: number }[];

    const to = `${YEAR}-12-31`;
    const args = { from: `${YEAR}-12-01`, to, scopePath: county.actor.orgPath, groupBy: 'orgUnit2' };
    const bare = sql`select pr.org_unit_id, count(*)::int from care_pairings pr
      cross join lateral (select max(cv.visited_on) as last from care_visits cv
        where cv.pairing_id = pr.id and cv.deleted_at is null and cv.visited_on <= ${to}::date) v
      where pr.deleted_at is null and pr.org_path like ${`${county.actor.orgPath}%`}
        and pr.started_on <= ${to}::date and (pr.ended_on is null or pr.ended_on > ${to}::date)
        and (coalesce(v.last, pr.started_on) + case pr.frequency when 'weekly' then interval '7 days'
          when 'biweekly' then interval '14 days' when 'quarterly' then interval '3 months' else interval '1 month' end)::date < ${to}::date
      group by 1`;
    const indicatorTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      const result = await computeIndicator(b.db, visitsOverdueIndicator, args);
      indicatorTimes.push(performance.now() - t0);
      t0 = performance.now();
      const rows = (await b.db.execute(bare)).rows as { count: number }[];
      bareTimes.push(performance.now() - t0);
      if (i === 0)
        console.log(
          `overdue: indicator total ${result.total} in ${result.rows.length} villages; bare ${rows.reduce((a, r) => a + r.count, 0)} in ${rows.length}`,
        );
    }
    const mi = median(indicatorTimes);
    const mb = median(bareTimes);
    console.log(
      `care.visitsOverdue by village, ${pairings} pairings / ${visits} visits / ${villages.length} villages: median ${mi.toFixed(1)} ms; bare SQL ${mb.toFixed(1)} ms; ratio ${(mi / mb).toFixed(2)}×`,
    );

    const listTimes: number[] = [];
    let listed = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const page = await listPairings(town, {
        page: 1,
        pageSize: 20,
        state: 'active',
        status: 'active',
        overdue: '1',
      });
      listTimes.push(performance.now() - t0);
      listed = page.total;
    }
    console.log(
      `the town's overdue list (first 20 of ${listed}, names in full: read-audited): median ${median(listTimes).toFixed(1)} ms`,
    );

    const targets = (
      await b.db.execute(
        sql`select id from care_pairings where org_path like ${`${town.actor.orgPath}%`} and ended_on is null and deleted_at is null order by id limit ${VISITS}`,
      )
    ).rows.map((r) => (r as { id: string }).id);
    const each: number[] = [];
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const pairingId of targets) {
      const t1 = performance.now();
      await createVisit(town, {
        pairingId,
        visitedOn: today,
        mode: 'phone',
        findings: '基准电话走访',
        help: [],
      });
      each.push(performance.now() - t1);
    }
    console.log(
      `visits logged one by one: ${each.length}; median ${median(each).toFixed(1)} ms, p95 ${p(each, 0.95).toFixed(1)} ms, p99 ${p(each, 0.99).toFixed(1)} ms`,
    );
  } finally {
    await b.close();
  }
};

void main();
