// What the row-level wall (kernel/db/row-scope.ts) costs: the same scoped statements on the persistent
// bench database (`npm run bench:data`), once as the owner (not subject to the policies: the bare SQL)
// and once as the app's restricted role under the user's scope, as a request runs them.
// Run: npx tsx bench/row-scope.bench.ts   (RUNS=9 to change the repeats; medians are reported)
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ensureAppRole, grantAppRole, urlAsRole } from '../src/server/kernel/db/app-role';
import { createDb, type Db } from '../src/server/kernel/db/connection';
import { rowScopedTables, runInRowScope, setRowScope } from '../src/server/kernel/db/row-scope';
import { median, openBenchDatabase } from './bench-db';

const RUNS = Number(process.env.RUNS ?? 9);
const ROLE = 'bbt_bench_app';

const main = async () => {
  const bench = await openBenchDatabase({ fresh: false });
  const owner = bench.db;
  const password = randomBytes(12).toString('hex');
  const client = await owner.$client.connect();
  try {
    await ensureAppRole(client, ROLE, password);
    await grantAppRole(client, ROLE);
  } finally {
    client.release();
  }
  const ownerUrl = (owner.$client as unknown as { options: { connectionString: string } }).options
    .connectionString;
  const app = createDb(urlAsRole(ownerUrl, ROLE, password), () => {}, 4);

  const county = (
    await owner.execute<{ path: string }>(sql`select path from org_units where parent_id is null limit 1`)
  ).rows[0].path;
  const town = (
    await owner.execute<{ path: string }>(
      sql`select u.path from org_units u where u.kind = 'town' and u.deleted_at is null
           order by (select count(*) from persons p where p.org_path like u.path || '%') desc limit 1`,
    )
  ).rows[0].path;

  const sizes = await Promise.all(
    (await rowScopedTables(owner.$client)).map(async (t) => ({
      table: t,
      rows: (await owner.execute<{ n: number }>(sql.raw(`select count(*)::int as n from "${t}"`))).rows[0].n,
    })),
  );
  const largest = sizes.sort((a, b) => b.rows - a.rows).slice(0, 4);

  const time = async (db: Db, scope: string, statement: ReturnType<typeof sql>) => {
    const ms: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const t0 = performance.now();
      await runInRowScope(async () => {
        setRowScope(scope);
        await db.execute(statement);
      });
      if (i > 0) ms.push(performance.now() - t0); // the first run warms the cache
    }
    return median(ms);
  };

  console.log(
    `row-level security cost, medians of ${RUNS} (owner = bare SQL, app = restricted role + policies)`,
  );
  console.log('| statement | rows in table | scope | bare SQL ms | with policies ms | ratio |');
  console.log('|---|---|---|---|---|---|');
  for (const { table, rows } of largest) {
    for (const [label, scope] of [
      ['county', county],
      ['town', town],
    ] as const) {
      const statement = sql.raw(
        `select count(*) from "${table}" where org_path like '${scope.replaceAll("'", "''")}%'`,
      );
      const bare = await time(owner, scope, statement);
      const withRls = await time(app, scope, statement);
      console.log(
        `| count(*) scoped | ${table} ${rows} | ${label} | ${bare.toFixed(1)} | ${withRls.toFixed(1)} | ${(withRls / bare).toFixed(2)}× |`,
      );
    }
  }
  // A page of the town's persons list, as the repository reads it.
  const page = sql.raw(
    `select id, name from persons where org_path like '${town}%' and deleted_at is null order by name_pinyin, id limit 20`,
  );
  const bare = await time(owner, town, page);
  const withRls = await time(app, town, page);
  console.log(
    `| persons page of 20 | persons | town | ${bare.toFixed(1)} | ${withRls.toFixed(1)} | ${(withRls / bare).toFixed(2)}× |`,
  );
  await app.$client.end();
  await bench.close();
};

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
