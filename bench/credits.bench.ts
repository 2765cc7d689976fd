// Credit points at county scale (scaled down by default): balances by village for the county from the
// kept balance column against the bare ledger aggregate; credits.earned by village × category against
// bare SQL; one household's history page p99; and counter redemptions p99 with 50 concurrent clients
// on loopback. The issue's scale is 300,000 accounts and 5 M entries: ACCOUNTS=300000 ENTRIES=5000000.
// Run: npx tsx bench/credits.bench.ts   (ACCOUNTS=30000 ENTRIES=500000 RUNS=7 REDEMPTIONS=1000)
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { uuidv7 } from '../src/server/kernel/db/ids';
import { computeIndicator } from '../src/server/kernel/indicators/registry';
import { creditsEarnedIndicator } from '../src/server/modules/credits/credits.indicators';
import { listTransactionRows } from '../src/server/modules/credits/credits.repository';
import { testConfig } from '../src/server/test/test-app';
import { benchDatabase, median } from './bench-db';

const ACCOUNTS = Number(process.env.ACCOUNTS ?? 30_000);
const ENTRIES = Number(process.env.ENTRIES ?? 500_000);
const RUNS = Number(process.env.RUNS ?? 7);
const REDEMPTIONS = Number(process.env.REDEMPTIONS ?? 1000);
const TOWNS = 20;
const VILLAGES = 15;

const p99 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];

const timed = async <T>(runs: number, fn: () => Promise<T>) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
};

const main = async () => {
  const b = await benchDatabase();
  try {
    const county = await b.ctxFor('county');
    const villages: { id: string; path: string }[] = [];
    for (let t = 0; t < TOWNS; t++) {
      const townId = uuidv7();
      const townPath = `${county.actor.orgPath}${townId}/`;
      await b.db.execute(
        sql`insert into org_units (id, parent_id, kind, name, path, depth) values (${townId}, ${county.actor.orgUnitId}, 'town', ${`积分镇${t}`}, ${townPath}, 1)`,
      );
      for (let v = 0; v < VILLAGES; v++) {
        const id = uuidv7();
        villages.push({ id, path: `${townPath}${id}/` });
        await b.db.execute(
          sql`insert into org_units (id, parent_id, kind, name, path, depth) values (${id}, ${townId}, 'village', ${`积分镇${t}村${v}`}, ${`${townPath}${id}/`}, 2)`,
        );
      }
    }
    const started = performance.now();
    await b.db.execute(
      sql`create temp table bench_v as select * from unnest(${sql.param(villages.map((x) => x.id))}::uuid[], ${sql.param(villages.map((x) => x.path))}::text[]) with ordinality as t(id, path, n)`,
    );
    await b.db.execute(sql`
      insert into households (id, org_unit_id, org_path, address, house_number)
      select gen_random_uuid(), v.id, v.path, '积分路', g::text || '号'
      from generate_series(1, ${ACCOUNTS}) g join bench_v v on v.n = 1 + (g % ${villages.length})`);
    await b.db.execute(sql`
      insert into credit_accounts (id, household_id, org_unit_id, org_path)
      select gen_random_uuid(), h.id, h.org_unit_id, h.org_path from households h where h.address = '积分路'`);
    const [rule] = (
      await b.db.execute(sql`select id from credit_rules where points > 0 order by created_at limit 1`)
    ).rows as { id: string }[];
    await b.db.execute(
      sql`create temp table bench_a as select row_number() over (order by id) as n, * from credit_accounts a where exists (select 1 from households h where h.id = a.household_id and h.address = '积分路')`,
    );
    await b.db.execute(sql`
      insert into credit_transactions (id, account_id, household_id, org_unit_id, org_path, kind, status, points, rule_id, category, occurred_on)
      select gen_random_uuid(), a.id, a.household_id, a.org_unit_id, a.org_path, 'award', 'confirmed', 1 + (g % 5), ${rule.id}::uuid,
        (array['environment','volunteer','familyVirtue','villageRules','mediation'])[1 + (g % 5)], date '2025-01-01' + (g % 365)
      from generate_series(1, ${ENTRIES}) g join bench_a a on a.n = 1 + (g % ${ACCOUNTS})`);
    await b.db.execute(sql`update credit_accounts a set balance = s.total from (
      select account_id, sum(points)::int as total from credit_transactions where status = 'confirmed' group by 1) s
      where s.account_id = a.id`);
    await b.db.execute(sql`analyze households; analyze credit_accounts; analyze credit_transactions`);
    console.log(
      `data: ${ACCOUNTS} accounts, ${ENTRIES} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // Balances by village for the county: the kept column against the bare ledger aggregate.
    const scope = `${county.actor.orgPath}%`;
    const kept = sql`select org_unit_id, sum(balance)::int from credit_accounts where org_path like ${scope} group by 1`;
    const ledger = sql`select org_unit_id, sum(points)::int from credit_transactions where status = 'confirmed' and org_path like ${scope} group by 1`;
    const keptTimes = await timed(RUNS, () => b.db.execute(kept));
    const ledgerTimes = await timed(RUNS, () => b.db.execute(ledger));
    console.log(
      `balances by village (county): kept balance column median ${median(keptTimes).toFixed(1)} ms; bare ledger aggregate ${median(ledgerTimes).toFixed(1)} ms; ratio ${(median(keptTimes) / median(ledgerTimes)).toFixed(2)}×`,
    );

    // credits.earned by village × category for the year against the bare aggregate.
    const args = {
      from: '2025-01-01',
      to: '2025-12-31',
      scopePath: county.actor.orgPath,
      groupBy: 'orgUnit2,category',
    };
    const indicatorTimes = await timed(RUNS, () => computeIndicator(b.db, creditsEarnedIndicator, args));
    const bare = sql`select org_unit_id, category, sum(points)::int from credit_transactions t
      where kind = 'award' and status = 'confirmed' and occurred_on between '2025-01-01' and '2025-12-31'
        and org_path like ${scope} and not exists (select 1 from credit_transactions r where r.reversal_of = t.id) group by 1, 2`;
    const bareTimes = await timed(RUNS, () => b.db.execute(bare));
    console.log(
      `credits.earned village × category: median ${median(indicatorTimes).toFixed(1)} ms; bare SQL ${median(bareTimes).toFixed(1)} ms; ratio ${(median(indicatorTimes) / median(bareTimes)).toFixed(2)}×`,
    );

    // One household's history page (20 newest entries) for 200 random households.
    const picks = (await b.db.execute(sql`select household_id from bench_a order by random() limit 200`))
      .rows as { household_id: string }[];
    const historyTimes: number[] = [];
    for (const p of picks) {
      const t0 = performance.now();
      await listTransactionRows(b.db, county.actor.orgPath, {
        householdId: p.household_id,
        page: 1,
        pageSize: 20,
      });
      historyTimes.push(performance.now() - t0);
    }
    console.log(
      `household history page: median ${median(historyTimes).toFixed(1)} ms, p99 ${p99(historyTimes).toFixed(1)} ms`,
    );

    // Counter redemptions: 50 concurrent clients on loopback against the demo store keeper's store.
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
      payload: { username: 'keeper', password: 'Banbiantian2026' },
    });
    const cookie = `bbt_session=${login.cookies.find((c) => c.name === 'bbt_session')?.value}`;
    const csrf = login.json().csrfToken as string;
    const [store] = (
      await b.db.execute(sql`select s.id, s.org_path from sites s join users u on u.org_unit_id = s.org_unit_id
      where u.username = 'keeper' and s.kind = 'creditStore'`)
    ).rows as { id: string; org_path: string }[];
    const [good] = (
      await b.db.execute(
        sql`select id from credit_goods where store_id = ${store.id} order by points_price limit 1`,
      )
    ).rows as { id: string }[];
    await b.db.execute(sql`update credit_goods set stock = 1000000 where id = ${good.id}`);
    await b.db.execute(
      sql`update credit_accounts set balance = balance + 1000000 where org_path = ${store.org_path}`,
    );
    const households = (
      await b.db.execute(
        sql`select household_id from credit_accounts where org_path = ${store.org_path} limit 50`,
      )
    ).rows as { household_id: string }[];
    const redeem = (householdId: string) =>
      fetch(`${address}/api/v1/credits/redemptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify({
          id: uuidv7(),
          storeId: store.id,
          householdId,
          lines: [{ goodId: good.id, quantity: 1 }],
        }),
      });
    // One client alone first: the cost of one redemption without waiting on another's lock.
    const alone: number[] = [];
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      await (await redeem(households[i % households.length].household_id)).arrayBuffer();
      alone.push(performance.now() - s);
    }
    console.log(
      `redemption, one client: median ${median(alone).toFixed(1)} ms, p99 ${p99(alone).toFixed(1)} ms`,
    );
    const latencies: number[] = [];
    let non2xx = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      households.map(async (h) => {
        while (next < REDEMPTIONS) {
          next++;
          const s = performance.now();
          const res = await redeem(h.household_id);
          await res.arrayBuffer();
          latencies.push(performance.now() - s);
          if (res.status !== 201) non2xx++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `redemptions, 50 concurrent clients (one process with the server): ${latencies.length} in ${seconds.toFixed(1)} s, median ${median(latencies).toFixed(1)} ms, p99 ${p99(latencies).toFixed(1)} ms, non-201 ${non2xx}`,
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
