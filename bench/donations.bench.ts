// Reconciliation per drive (getReconciliation: donations − disbursements by month) against the bare SQL
// aggregate on the same data, over DONATIONS donations and DISBURSEMENTS disbursements in DRIVES drives;
// then disbursement latency with CONCURRENCY clients submitting at once (the conditional balance update).
// Run: npx tsx bench/donations.bench.ts   (DONATIONS=50000 DISBURSEMENTS=20000 DRIVES=20 RUNS=7 CONCURRENCY=50)
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../src/server/kernel/db/ids';
import { createDisbursement, getReconciliation } from '../src/server/modules/donations/donations.service';
import { benchDatabase, median } from './bench-db';

const DONATIONS = Number(process.env.DONATIONS ?? 50_000);
const DISBURSEMENTS = Number(process.env.DISBURSEMENTS ?? 20_000);
const DRIVES = Number(process.env.DRIVES ?? 20);
const RUNS = Number(process.env.RUNS ?? 7);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 10);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const main = async () => {
  const b = await benchDatabase();
  try {
    const town = await b.ctxFor('town');
    const village = await b.ctxFor('village');
    const townPath = town.actor.orgPath;
    const [{ id: villageId, path: villagePath }] = (
      await b.db.execute(sql`select id, path from org_units where id = ${village.actor.orgUnitId}`)
    ).rows as { id: string; path: string }[];
    // Drives of the town; donations spread over them and two years; beneficiaries in the village.
    const driveIds = Array.from({ length: DRIVES }, () => uuidv7());
    await b.db.execute(sql`
      insert into fundraising_drives (id, org_unit_id, org_path, name, purpose, starts_on, ends_on)
      select d.id, ${town.actor.orgUnitId}, ${townPath}, '基准募捐' || n, 'studentAid', date '2024-01-01', date '2026-12-31'
      from unnest(${sql.param(driveIds)}::uuid[]) with ordinality as d(id, n)`);
    await b.db.execute(sql`
      insert into donations (id, drive_id, org_unit_id, org_path, donor_name, donor_kind, kind, amount_fen, method, received_on, receipt_no)
      select gen_random_uuid(), (${sql.param(driveIds)}::uuid[])[1 + g % ${DRIVES}], ${town.actor.orgUnitId}, ${townPath},
        '基准捐赠人' || g, 'person', 'money', 10000 + (g % 50) * 1000, 'bankTransfer', date '2024-01-01' + (g % 700), 'B' || g
      from generate_series(1, ${DONATIONS}) g`);
    await b.db.execute(sql`
      insert into beneficiaries (id, org_unit_id, org_path, name, kind, school)
      select gen_random_uuid(), ${villageId}, ${villagePath}, '基准学生' || g, 'student', '基准小学'
      from generate_series(1, 500) g`);
    await b.db.execute(sql`
      insert into disbursements (id, drive_id, beneficiary_id, org_unit_id, org_path, amount_fen, status, submitted_on, paid_on)
      select gen_random_uuid(), (${sql.param(driveIds)}::uuid[])[1 + g % ${DRIVES}], bs.id, ${villageId}, ${villagePath},
        5000 + (g % 10) * 500, case when (g / ${DRIVES}) % 10 = 0 then 'submitted' else 'paid' end, date '2024-02-01' + (g % 650),
        case when (g / ${DRIVES}) % 10 = 0 then null else date '2024-02-10' + (g % 650) end
      from generate_series(1, ${DISBURSEMENTS}) g
      join lateral (select id from beneficiaries where org_path = ${villagePath} offset (g % 500) limit 1) bs on true`);
    // The drives' running totals, as the service keeps them.
    await b.db.execute(sql`
      update fundraising_drives d set raised_fen = x.raised, committed_fen = y.committed, paid_fen = coalesce(y.paid, 0),
        balance_fen = x.raised - y.committed
      from (select drive_id, sum(amount_fen) as raised from donations group by 1) x,
        (select drive_id, sum(amount_fen) as committed, sum(amount_fen) filter (where status = 'paid') as paid
         from disbursements group by 1) y
      where x.drive_id = d.id and y.drive_id = d.id`);
    await b.db.execute(sql`analyze donations; analyze disbursements; analyze fundraising_drives`);

    const drive = driveIds[0];
    const bare = sql`
      select m, sum(r)::bigint, sum(p)::bigint from (
        select to_char(received_on, 'YYYY-MM') m, amount_fen r, 0 p from donations where drive_id = ${drive} and deleted_at is null and kind = 'money'
        union all
        select to_char(paid_on, 'YYYY-MM'), 0, amount_fen from disbursements where drive_id = ${drive} and deleted_at is null and status = 'paid'
      ) x group by m order by m`;
    const ours: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      const r = await getReconciliation(town, drive);
      ours.push(performance.now() - t0);
      t0 = performance.now();
      const rows = (await b.db.execute(bare)).rows;
      bareTimes.push(performance.now() - t0);
      if (i === 0)
        console.log(`months: ours ${r.months.length}, bare ${rows.length}; balanced ${r.isBalanced}`);
    }
    const mo = median(ours);
    const mb = median(bareTimes);
    console.log(
      `reconciliation of one drive (${DONATIONS} donations, ${DISBURSEMENTS} disbursements, ${DRIVES} drives): median ${mo.toFixed(1)} ms; bare SQL ${mb.toFixed(1)} ms; ratio ${(mo / mb).toFixed(2)}×`,
    );

    // Disbursements: CONCURRENCY village clients at once, ROUNDS times, against one drive.
    const [{ id: beneficiaryId }] = (
      await b.db.execute(sql`select id from beneficiaries where org_path = ${villagePath} limit 1`)
    ).rows as { id: string }[];
    const latencies: number[] = [];
    let accepted = 0;
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          const t0 = performance.now();
          try {
            await createDisbursement(village, {
              id: uuidv7(),
              driveId: driveIds[1],
              beneficiaryId,
              amountFen: 100,
              submittedOn: '2026-03-01',
            });
            accepted++;
          } catch {
            refused++;
          }
          latencies.push(performance.now() - t0);
        }),
      );
    }
    const [{ balance }] = (
      await b.db.execute(sql`select balance_fen as balance from fundraising_drives where id = ${driveIds[1]}`)
    ).rows as { balance: string }[];
    console.log(
      `disbursements at ${CONCURRENCY} concurrent clients × ${ROUNDS}: p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms; accepted ${accepted}, refused ${refused}; balance ${balance} fen`,
    );
  } finally {
    await b.close();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
