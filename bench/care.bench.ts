// care.keyPeople by village × risk at a year's end over a county of key people screened monthly,
// against the bare SQL of the same figure (latest screening per key person); and a town-month of
// screening entered one at a time through the service (each a transaction with its audit row).
// Run: npx tsx bench/care.bench.ts   (TOWNS=20 PER_VILLAGE=40 TOWN_MONTH=600 RUNS=7)
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../src/server/kernel/db/ids';
import { computeIndicator } from '../src/server/kernel/indicators/registry';
import { keyPeopleIndicator } from '../src/server/modules/care/care.indicators';
import { createScreening } from '../src/server/modules/care/care.service';
import { benchDatabase, median } from './bench-db';

const TOWNS = Number(process.env.TOWNS ?? 20);
const VILLAGES = 15;
const PER_VILLAGE = Number(process.env.PER_VILLAGE ?? 40);
const TOWN_MONTH = Number(process.env.TOWN_MONTH ?? 600);
const RUNS = Number(process.env.RUNS ?? 7);
const YEAR = 2025;

const main = async () => {
  const b = await benchDatabase();
  try {
    const county = await b.ctxFor('county');
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
    const n = villages.length * PER_VILLAGE;
    // A person and a key person each, spread over the villages; then twelve months of screenings.
    await b.db.execute(sql`
      with v as (select * from unnest(${sql.param(villages.map((x) => x.id))}::uuid[], ${sql.param(villages.map((x) => x.path))}::text[]) with ordinality as t(id, path, k)),
      p as (insert into persons (id, org_unit_id, org_path, name, name_pinyin)
        select gen_random_uuid(), v.id, v.path, '基准人员' || g, 'jizhun' from generate_series(1, ${n}) g
        join v on v.k = 1 + (g % ${villages.length}) returning id, org_unit_id, org_path)
      insert into care_key_people (id, org_unit_id, org_path, person_id, category, created_at)
      select gen_random_uuid(), p.org_unit_id, p.org_path, p.id,
        (array['leftBehindWoman','leftBehindChild','conflictFamily','singleParent'])[1 + (abs(hashtext(p.id::text)) % 4)],
        timestamp '${sql.raw(String(YEAR))}-01-01' from p`);
    await b.db.execute(sql`
      insert into care_screenings (id, org_unit_id, org_path, key_person_id, month, screened_on, risk, reason)
      select gen_random_uuid(), k.org_unit_id, k.org_path, k.id, to_char(m, 'YYYY-MM'), (m + interval '9 days')::date,
        r.risk, case when r.risk = 'green' then null else '基准' end
      from care_key_people k
      cross join generate_series(date '${sql.raw(String(YEAR))}-01-01', date '${sql.raw(String(YEAR))}-12-01', interval '1 month') m
      cross join lateral (select (array['green','green','green','yellow','orange','red'])[1 + (abs(hashtext(k.id::text || m::text)) % 6)] as risk) r
      where abs(hashtext(k.id::text || m::text)) % 20 <> 0`);
    await b.db.execute(sql`analyze care_key_people`);
    await b.db.execute(sql`analyze care_screenings`);
    const [{ screenings }] = (
      await b.db.execute(sql`select count(*)::int as screenings from care_screenings`)
    ).rows as { screenings: number }[];
    const to = `${YEAR}-12-31`;
    const args = { from: `${YEAR}-01-01`, to, scopePath: county.actor.orgPath, groupBy: 'orgUnit2,risk' };
    const bare = sql`select k.org_unit_id, coalesce(s.risk, 'unscreened') as risk, count(*)::int
      from care_key_people k
      left join lateral (select risk from care_screenings s where s.key_person_id = k.id and s.deleted_at is null
        and s.screened_on <= ${to}::date order by s.month desc limit 1) s on true
      where k.deleted_at is null and k.org_path like ${`${county.actor.orgPath}%`}
        and k.created_at::date <= ${to}::date and (k.status <> 'closed' or k.closed_on > ${to}::date)
      group by 1, 2`;
    const indicatorTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      const result = await computeIndicator(b.db, keyPeopleIndicator, args);
      indicatorTimes.push(performance.now() - t0);
      t0 = performance.now();
      const rows = (await b.db.execute(bare)).rows;
      bareTimes.push(performance.now() - t0);
      if (i === 0)
        console.log(`cells: indicator ${result.rows.length}, bare ${rows.length}; total ${result.total}`);
    }
    const mi = median(indicatorTimes);
    const mb = median(bareTimes);
    console.log(
      `care.keyPeople village × risk, ${n} key people / ${screenings} screenings / ${villages.length} villages: median ${mi.toFixed(1)} ms; bare SQL ${mb.toFixed(1)} ms; ratio ${(mi / mb).toFixed(2)}×`,
    );

    // A town-month: the demo town's chair records this month's screening of TOWN_MONTH key people.
    const town = await b.ctxFor('town');
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const [village] = (
      await b.db.execute(
        sql`select id, path from org_units where kind = 'village' and path like ${`${town.actor.orgPath}%`} limit 1`,
      )
    ).rows as { id: string; path: string }[];
    const ids = (
      await b.db.execute(sql`
        with p as (insert into persons (id, org_unit_id, org_path, name, name_pinyin)
          select gen_random_uuid(), ${village.id}, ${village.path}, '本月排查' || g, 'benyue' from generate_series(1, ${TOWN_MONTH}) g
          returning id)
        insert into care_key_people (id, org_unit_id, org_path, person_id, category)
        select gen_random_uuid(), ${village.id}, ${village.path}, p.id, 'leftBehindWoman' from p returning id`)
    ).rows.map((r) => (r as { id: string }).id);
    const each: number[] = [];
    const t0 = performance.now();
    for (const keyPersonId of ids) {
      const t1 = performance.now();
      await createScreening(town, {
        keyPersonId,
        month,
        screenedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
        risk: 'green',
      });
      each.push(performance.now() - t1);
    }
    const total = performance.now() - t0;
    console.log(
      `town-month screening: ${ids.length} entered one by one in ${(total / 1000).toFixed(1)} s; median ${median(each).toFixed(1)} ms each, p95 ${each.sort((a, c) => a - c)[Math.floor(each.length * 0.95)].toFixed(1)} ms`,
    );
  } finally {
    await b.close();
  }
};

void main();
