// activities.sessions grouped by village × type for a year over 100,000 activities in 20 towns,
// against the bare SQL aggregate on the same data; and the list API's latency at 300 req/s.
// Run: npx tsx bench/activities.bench.ts   (ACTIVITIES=100000 TOWNS=20 RUNS=7)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { uuidv7 } from '../src/server/kernel/db/ids';
import { computeIndicator } from '../src/server/kernel/indicators/registry';
import { activitySessionsIndicator } from '../src/server/modules/activities/activities.indicators';
import { testConfig } from '../src/server/test/test-app';
import { benchDatabase, median } from './bench-db';

const execFileAsync = promisify(execFile);
const ACTIVITIES = Number(process.env.ACTIVITIES ?? 100_000);
const TOWNS = Number(process.env.TOWNS ?? 20);
const VILLAGES = 15;
const RUNS = Number(process.env.RUNS ?? 7);

const main = async () => {
  const b = await benchDatabase();
  try {
    const county = await b.ctxFor('county');
    // 20 more towns of 15 villages under the demo county, then 100k activities spread over them.
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
    await b.db.execute(sql`
      insert into activities (id, org_unit_id, org_path, title, type, occurred_on, attendance)
      select gen_random_uuid(), v.id, v.path, '基准活动', (array['outreach','training','legalEducation','volunteerService','studyTour','visit','familyReading','culturalEvent'])[1 + (g % 8)],
        date '2025-01-01' + (g % 365), 10 + (g % 90)
      from generate_series(1, ${ACTIVITIES}) g
      join lateral (select id, path from unnest(${sql.param(villages.map((x) => x.id))}::uuid[], ${sql.param(villages.map((x) => x.path))}::text[]) as t(id, path) offset (g % ${villages.length}) limit 1) v on true`);
    await b.db.execute(sql`analyze activities`);
    const args = {
      from: '2025-01-01',
      to: '2025-12-31',
      scopePath: county.actor.orgPath,
      groupBy: 'orgUnit2,type',
    };
    const bare = sql`select org_unit_id, type, count(*)::int from activities
      where deleted_at is null and occurred_on between '2025-01-01' and '2025-12-31' and org_path like ${`${county.actor.orgPath}%`}
      group by 1, 2`;
    const indicatorTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      const result = await computeIndicator(b.db, activitySessionsIndicator, args);
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
      `activities.sessions village × type, ${ACTIVITIES} activities / ${TOWNS * VILLAGES} villages: median ${mi.toFixed(1)} ms; bare SQL ${mb.toFixed(1)} ms; ratio ${(mi / mb).toFixed(2)}×`,
    );

    // List API under load: 300 req/s for 10 s on loopback, as the town chair.
    const app = await buildApp({
      config: testConfig({
        secrets: {
          sessionKey: 'x'.repeat(44),
          fieldKey: Buffer.alloc(32, 1).toString('base64'),
          pgPassword: 'x',
          appDbPassword: 'x',
        },
      }),
      db: b.db,
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'town', password: 'Banbiantian2026' },
    });
    const cookie = `bbt_session=${login.cookies.find((c) => c.name === 'bbt_session')?.value}`;
    // The load generator runs in its own process: sharing the server's event loop would time
    // autocannon's own work as server latency.
    const { stdout: out } = await execFileAsync(
      process.execPath,
      [
        'node_modules/autocannon/autocannon.js',
        '--json',
        '-c',
        '10',
        '-R',
        '300',
        '-d',
        '10',
        '-H',
        `cookie=${cookie}`,
        `${address}/api/v1/activities/activities?pageSize=20&from=2026-01-01&to=2026-12-31`,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const result = JSON.parse(out) as {
      latency: { p50: number; p99: number };
      requests: { total: number };
      non2xx: number;
    };
    console.log(
      `list API at 300 req/s: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests, non-2xx ${result.non2xx}`,
    );
    await app.close();
  } finally {
    await b.close();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
