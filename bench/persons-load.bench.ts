// The persons list as a town chair under load, alone and while county exports stream beside it.
// Run: npx tsx bench/persons-load.bench.ts
//   TOWN_PERSONS=40000 OTHER_PERSONS=60000  persons in the demo town 青石镇 / in 桃源镇 (county = both)
//   CONNECTIONS=20 RATE=0 (0 = as fast as the server answers) DURATION=10 (s) ROUNDS=3
//   EXPORTS=2      county persons exports looping (as the county account) during the "beside exports" windows
//   ONLY=diag      stop after the one-at-a-time timings; EXPLAIN=1 adds the SQL variants' timings (=plans: plans)
// Every round runs the "alone" and "beside exports" windows back to back, on the same data. For a
// before/after, run this same file against the previous commit's tree and the new one, alternately.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { listPersons } from '../src/server/modules/people/persons.service';
import { testConfig } from '../src/server/test/test-app';
import { benchDatabase, median } from './bench-db';

const execFileAsync = promisify(execFile);
const TOWN_PERSONS = Number(process.env.TOWN_PERSONS ?? 40_000);
const OTHER_PERSONS = Number(process.env.OTHER_PERSONS ?? 60_000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const RATE = Number(process.env.RATE ?? 0);
const DURATION = Number(process.env.DURATION ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const EXPORTS = Number(process.env.EXPORTS ?? 2);

const SURNAMES: [string, string][] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
];
const GIVEN: [string, string][] = [
  ['秀英', 'xiuying'],
  ['桂英', 'guiying'],
  ['秀兰', 'xiulan'],
  ['玉兰', 'yulan'],
  ['桂兰', 'guilan'],
  ['丽', 'li'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['燕', 'yan'],
  ['艳', 'yan'],
  ['娟', 'juan'],
  ['霞', 'xia'],
  ['芳', 'fang'],
  ['红', 'hong'],
  ['小红', 'xiaohong'],
  ['海燕', 'haiyan'],
  ['美华', 'meihua'],
  ['雪梅', 'xuemei'],
  ['春花', 'chunhua'],
  ['建华', 'jianhua'],
  ['慧', 'hui'],
  ['婷', 'ting'],
  ['晓燕', 'xiaoyan'],
  ['金凤', 'jinfeng'],
];

/**
 * Persons (with households of three) spread over a town's units, deterministic: ids are md5 of
 * (kind, town, n), names and birth dates are picked by n.
 */
const addPersons = async (db: Awaited<ReturnType<typeof benchDatabase>>['db'], town: string, n: number) => {
  const units = (
    await db.execute<{ id: string; path: string }>(sql`
      select u.id, u.path from org_units u join org_units t on t.id = u.parent_id
      where t.name = ${town} and u.kind in ('village', 'community') order by u.path`)
  ).rows;
  const ids = sql.param(units.map((u) => u.id));
  const paths = sql.param(units.map((u) => u.path));
  const k = units.length;
  await db.execute(sql`
    insert into households (id, org_unit_id, org_path, address, house_number)
    select md5('household:' || ${town} || h)::uuid, (${ids}::uuid[])[1 + h % ${k}], (${paths}::text[])[1 + h % ${k}],
      '基准路' || h || '号', null
    from generate_series(1, ${Math.ceil(n / 3)}) h`);
  await db.execute(sql`
    insert into persons (id, org_unit_id, org_path, name, name_pinyin, gender, birth_date, id_number_masked,
      phone_masked, household_id, relation_to_head, tags)
    select md5('person:' || ${town} || g)::uuid, (${ids}::uuid[])[1 + h % ${k}], (${paths}::text[])[1 + h % ${k}],
      s.name || gv.name, s.py || gv.py, case when g % 5 = 0 then 'male' else 'female' end,
      date '1950-01-01' + (g * 7919 % 20000), '3399' || repeat('*', 10) || lpad((g % 10000)::text, 4, '0'),
      '138****' || lpad((g % 10000)::text, 4, '0'), md5('household:' || ${town} || h)::uuid,
      case when g % 3 = 0 then 'head' else 'spouse' end,
      case when g % 7 = 0 then array['志愿者'] else '{}'::text[] end
    from generate_series(1, ${n}) g
    cross join lateral (select (g - 1) / 3 + 1 as h) hh
    join unnest(${sql.param(SURNAMES.map((x) => x[0]))}::text[], ${sql.param(SURNAMES.map((x) => x[1]))}::text[])
      with ordinality s(name, py, i) on s.i = 1 + (g * 31 % ${SURNAMES.length})
    join unnest(${sql.param(GIVEN.map((x) => x[0]))}::text[], ${sql.param(GIVEN.map((x) => x[1]))}::text[])
      with ordinality gv(name, py, i) on gv.i = 1 + (g * 17 % ${GIVEN.length})`);
};

type Cannon = {
  latency: { p50: number; p99: number };
  requests: { total: number; average: number };
  non2xx: number;
  errors: number;
};

const autocannon = async (url: string, cookie: string) => {
  const args = [
    'node_modules/autocannon/autocannon.js',
    '--json',
    '-c',
    String(CONNECTIONS),
    '-d',
    String(DURATION),
  ];
  if (RATE > 0) args.push('-R', String(RATE));
  args.push('-H', `cookie=${cookie}`, url);
  const { stdout } = await execFileAsync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Cannon;
};

type ExportReport = { completed: number; refused: number; bytes: number; ms: number; durations: number[] };

const exportLoop = (url: string, cookie: string, concurrency: number, once = false) => {
  const args = ['bench/export-loop.mjs', url, cookie, String(concurrency)];
  if (once) args.push('once');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const done = new Promise<ExportReport>((resolve, reject) =>
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out) as ExportReport);
      } catch (e) {
        reject(e);
      }
    }),
  );
  return { child, done };
};
const stopLoop = async (loop: { child: ChildProcess; done: Promise<ExportReport> }) => {
  loop.child.kill('SIGTERM');
  return loop.done;
};

/** Server-side view of a window: event-loop delay, pool queue, RSS. */
const observe = (pool: { waitingCount: number; totalCount: number }) => {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  let waitingMax = 0;
  let waitingSum = 0;
  let samples = 0;
  let rssMax = 0;
  const rss0 = process.memoryUsage().rss;
  const timer = setInterval(() => {
    waitingMax = Math.max(waitingMax, pool.waitingCount);
    waitingSum += pool.waitingCount;
    samples++;
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  }, 50);
  return () => {
    clearInterval(timer);
    h.disable();
    return {
      loopP99: h.percentile(99) / 1e6,
      loopMax: h.max / 1e6,
      waitingMax,
      waitingMean: samples ? waitingSum / samples : 0,
      rss0: rss0 / 2 ** 20,
      rssMax: rssMax / 2 ** 20,
    };
  };
};

/** Resolves once no pool client has been busy for a second (or after 5 minutes). */
const settle = async (pool: { totalCount: number; idleCount: number; waitingCount: number }) => {
  const until = performance.now() + 300_000;
  let quiet = 0;
  while (quiet < 10 && performance.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    quiet = pool.totalCount - pool.idleCount === 0 && pool.waitingCount === 0 ? quiet + 1 : 0;
  }
};

const fmt = (x: number) => x.toFixed(0);

const main = async () => {
  const t0 = performance.now();
  const b = await benchDatabase();
  try {
    await addPersons(b.db, '青石镇妇联', TOWN_PERSONS);
    await addPersons(b.db, '桃源镇妇联', OTHER_PERSONS);
    await b.db.execute(sql`analyze persons`);
    await b.db.execute(sql`analyze households`);
    const counts = (
      await b.db.execute<{ town: number; county: number }>(sql`
        select count(*) filter (where org_path like (select path from org_units where name = '青石镇妇联') || '%')::int as town,
          count(*)::int as county from persons where deleted_at is null`)
    ).rows[0];
    console.log(
      `data: ${counts.town} persons in the town (青石镇), ${counts.county} in the county; ${((performance.now() - t0) / 1000).toFixed(1)} s to load`,
    );

    // Where a list request's time goes, one call at a time: the service (SQL + mapping) and bare SQL.
    const town = await b.ctxFor('town');
    const timeIt = async (f: () => Promise<unknown>, n = 15) => {
      const xs: number[] = [];
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        await f();
        xs.push(performance.now() - s);
      }
      return median(xs.slice(3));
    };
    const q = { page: 1, pageSize: 20, status: 'active' as const };
    const service = await timeIt(() => listPersons(town, q));
    const like = `${town.actor.orgPath}%`;
    const barePage = await timeIt(() =>
      b.db.execute(sql`select p.*, u.name from persons p join org_units u on u.id = p.org_unit_id
        where p.org_path like ${like} and p.deleted_at is null order by p.name_pinyin, p.id limit 20`),
    );
    const bareCount = await timeIt(() =>
      b.db.execute(sql`select count(*) from persons where org_path like ${like} and deleted_at is null`),
    );
    console.log(
      `list service call (page of 20 + total): median ${service.toFixed(1)} ms; bare SQL page ${barePage.toFixed(1)} ms + bare count ${bareCount.toFixed(1)} ms`,
    );
    if (process.env.EXPLAIN) {
      const county = await b.ctxFor('county');
      const countyLike = `${county.actor.orgPath}%`;
      const explain = async (label: string, query: ReturnType<typeof sql>) => {
        const times: number[] = [];
        let plan = '';
        for (let i = 0; i < 5; i++) {
          const r = await b.db.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${query}`);
          plan = r.rows.map((x) => x['QUERY PLAN']).join('\n');
          times.push(Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]));
        }
        console.log(`${label}: execution median ${median(times.slice(1)).toFixed(1)} ms`);
        if (process.env.EXPLAIN === 'plans') console.log(plan);
      };
      const wide = sql`p.*, u.name, case when h.id is null then null else h.address end`;
      const joins = sql`join org_units u on u.id = p.org_unit_id left join households h on h.id = p.household_id`;
      await explain(
        'list page, count(*) over()',
        sql`select ${wide}, count(*) over() from persons p ${joins}
        where p.org_path like ${like} and p.deleted_at is null order by p.name_pinyin, p.id limit 20`,
      );
      await explain(
        'list page, ids first (no window)',
        sql`select ${wide} from (select id from persons
        where org_path like ${like} and deleted_at is null order by name_pinyin, id limit 20) pg join persons p on p.id = pg.id ${joins}
        order by p.name_pinyin, p.id`,
      );
      await explain(
        'list page, wide rows (no window)',
        sql`select ${wide} from persons p ${joins}
        where p.org_path like ${like} and p.deleted_at is null order by p.name_pinyin, p.id limit 20`,
      );
      await explain(
        'count',
        sql`select count(*) from persons where org_path like ${like} and deleted_at is null`,
      );
      await explain(
        'export batch (county, first 2,000 by id), count(*) over()',
        sql`select ${wide}, count(*) over() from persons p ${joins}
        where p.org_path like ${countyLike} and p.deleted_at is null order by p.id limit 2000`,
      );
      await explain(
        'export batch (county, first 2,000 by id), no window',
        sql`select ${wide} from persons p ${joins}
        where p.org_path like ${countyLike} and p.deleted_at is null order by p.id limit 2000`,
      );
    }
    if (process.env.ONLY === 'diag') return;

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
    const signIn = async (username: string) => {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'Banbiantian2026' },
      });
      return `bbt_session=${login.cookies.find((c) => c.name === 'bbt_session')?.value}`;
    };
    const townCookie = await signIn('town');
    const countyCookie = await signIn('county');
    const listUrl = `${address}/api/v1/people/persons?page=1&pageSize=20`;
    const exportUrl = `${address}/api/v1/people/persons/export`;

    // One request at a time: what a list page costs with nothing beside it.
    const single: number[] = [];
    for (let i = 0; i < 40; i++) {
      const s = performance.now();
      const res = await fetch(listUrl, { headers: { cookie: townCookie } });
      const body = (await res.json()) as { total: number };
      if (i === 0) console.log(`list: HTTP ${res.status}, total ${body.total}`);
      single.push(performance.now() - s);
    }
    console.log(`list, one request at a time: median ${median(single.slice(5)).toFixed(1)} ms`);

    // One county export alone: time, rows/s, the server's RSS while it streams, event-loop delay.
    {
      const stop = observe(b.db.$client);
      const one = await exportLoop(exportUrl, countyCookie, 1, true).done;
      const o = stop();
      console.log(
        `export alone: ${counts.county} rows in ${(one.ms / 1000).toFixed(1)} s = ${fmt(counts.county / (one.ms / 1000))} rows/s, ${(one.bytes / 2 ** 20).toFixed(1)} MiB; server RSS ${fmt(o.rss0)} → ${fmt(o.rssMax)} MiB peak; event-loop delay p99 ${o.loopP99.toFixed(0)} ms, max ${o.loopMax.toFixed(0)} ms`,
      );
    }

    type Row = {
      beside: boolean;
      p50: number;
      p99: number;
      rps: number;
      non2xx: number;
      exports?: ExportReport;
      o: ReturnType<ReturnType<typeof observe>>;
    };
    const rows: Row[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const beside of [false, true]) {
        const loop = beside ? exportLoop(exportUrl, countyCookie, EXPORTS) : undefined;
        // Let the exports get going before the window opens.
        if (loop) await new Promise((r) => setTimeout(r, 1500));
        const stop = observe(b.db.$client);
        const r = await autocannon(listUrl, townCookie);
        const o = stop();
        const exports = loop ? await stopLoop(loop) : undefined;
        const row: Row = {
          beside,
          p50: r.latency.p50,
          p99: r.latency.p99,
          rps: r.requests.average,
          non2xx: r.non2xx + r.errors,
          exports,
          o,
        };
        rows.push(row);
        console.log(
          `round ${round} ${beside ? `beside ${EXPORTS} exports` : 'alone'}: p50 ${row.p50} ms, p99 ${row.p99} ms, ${fmt(row.rps)} req/s, non-2xx/errors ${row.non2xx}` +
            `; event-loop delay p99 ${o.loopP99.toFixed(0)} ms, max ${o.loopMax.toFixed(0)} ms; pool waiting mean ${o.waitingMean.toFixed(1)}, max ${o.waitingMax}; RSS max ${fmt(o.rssMax)} MiB` +
            (exports
              ? `; exports completed ${exports.completed}, refused ${exports.refused}, ${(exports.bytes / 2 ** 20).toFixed(0)} MiB downloaded`
              : ''),
        );
        // The downloads cut off at the window's end: wait until the server has stopped working on them
        // (no pool client busy for a second) so the next "alone" window is alone.
        if (beside) {
          const s = performance.now();
          await settle(b.db.$client);
          console.log(
            `  server still busy with the cut-off exports for ${((performance.now() - s) / 1000).toFixed(1)} s`,
          );
        } else await new Promise((r) => setTimeout(r, 1000));
      }
    }
    const m = (xs: Row[], f: (r: Row) => number) => median(xs.map(f));
    const alone = rows.filter((r) => !r.beside);
    const withExports = rows.filter((r) => r.beside);
    console.log(
      `\nmedians over ${ROUNDS} rounds (${CONNECTIONS} connections, ${RATE ? `${RATE} req/s` : 'unthrottled'}, ${DURATION} s windows, load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}):` +
        `\n  alone:          p50 ${m(alone, (r) => r.p50)} ms, p99 ${m(alone, (r) => r.p99)} ms, ${fmt(m(alone, (r) => r.rps))} req/s, event-loop delay p99 ${m(alone, (r) => r.o.loopP99).toFixed(0)} ms` +
        `\n  beside exports: p50 ${m(withExports, (r) => r.p50)} ms, p99 ${m(withExports, (r) => r.p99)} ms, ${fmt(m(withExports, (r) => r.rps))} req/s, event-loop delay p99 ${m(withExports, (r) => r.o.loopP99).toFixed(0)} ms` +
        `\n  p99 beside exports / alone: ${(m(withExports, (r) => r.p99) / m(alone, (r) => r.p99)).toFixed(2)}×`,
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
