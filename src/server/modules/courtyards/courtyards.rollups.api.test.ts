import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert } from '../../kernel/db/bulk';
import { uuidv7 } from '../../kernel/db/ids';
import { computeIndicator, computeIndicatorMonthly, type Indicator } from '../../kernel/indicators/registry';
import { createTestApp, seedOrg } from '../../test/test-app';
import { households } from '../people/people.table';
import { courtyardIndicators, courtyardInspectionsIndicator } from './courtyards.indicators';
import { courtyardInspections, courtyardRatingChanges, courtyardRubrics } from './courtyards.table';

// The roll-ups the triggers keep (drizzle/0010) must give exactly what the records give: every
// courtyard indicator is computed twice — through its roll-up and straight from its source — after
// inserts, edits that move an inspection to another month, kind or village, soft deletes, restores,
// hard deletes, same-day and back-dated rating changes, and concurrent writers.

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let seed = 11;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
const day = (year: number, month: number, d: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

type H = { id: string; unit: string; path: string };
const hh: H[] = [];
let rubricId = '';

const inspection = (h: H, kind: string, on: string) => ({
  id: uuidv7(),
  orgUnitId: h.unit,
  orgPath: h.path,
  householdId: h.id,
  rubricId,
  kind,
  inspectedOn: on,
  month: on.slice(0, 7),
  totalScore: 80,
  rating: 'model',
  itemScores: [],
  deductions: [],
  vetoCodes: [],
});
const ratingChange = (h: H, on: string, toRating: string | null) => ({
  id: uuidv7(),
  householdId: h.id,
  orgUnitId: h.unit,
  orgPath: h.path,
  month: on.slice(0, 7),
  effectiveOn: on,
  fromRating: null,
  toRating,
  averageScore: null,
  reason: '测试',
  reviewId: null,
});

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  const units = [org.units.villageA1, org.units.villageA2, org.units.villageB1];
  for (let i = 0; i < 45; i++) hh.push({ id: uuidv7(), unit: units[i % 3].id, path: units[i % 3].path });
  rubricId = uuidv7();
  await t.db.transaction(async (tx) => {
    await tx.insert(courtyardRubrics).values({
      id: rubricId,
      orgUnitId: org.units.county.id,
      orgPath: org.units.county.path,
      year: 2026,
      versionNo: 1,
      name: '示例',
      rules: {},
    });
    await bulkInsert(
      tx,
      households,
      hh.map((h, i) => ({ id: h.id, orgUnitId: h.unit, orgPath: h.path, address: `卷积路${i}号` })),
    );
  });
  // A year and a half of inspections in one bulk statement, then more one by one.
  const rows: ReturnType<typeof inspection>[] = [];
  for (const h of hh)
    for (const [year, months] of [
      [2025, [10, 11, 12]],
      [2026, [1, 2, 3, 4, 5, 6]],
    ] as const)
      for (const m of months) {
        if (rnd() < 0.75) rows.push(inspection(h, 'monthly', day(year, m, 15 + Math.floor(rnd() * 13))));
        if (rnd() < 0.25)
          rows.push(inspection(h, pick(['spotCheck', 'review', 'quarterly']), day(year, m, 3)));
      }
  // Inspections on the first and last day of months, where whole months and end days meet.
  for (const h of hh.slice(0, 5))
    for (const m of [1, 2, 3, 4, 5, 6]) {
      rows.push(inspection(h, 'spotCheck', day(2026, m, 1)));
      rows.push(inspection(h, 'review', new Date(Date.UTC(2026, m, 0)).toISOString().slice(0, 10)));
    }
  rows.push(inspection(hh[9], 'review', '2025-12-31'), inspection(hh[10], 'review', '2026-04-10'));
  await t.db.transaction((tx) => bulkInsert(tx, courtyardInspections, rows));
  for (const h of hh.slice(0, 6))
    await t.db.insert(courtyardInspections).values(inspection(h, 'review', day(2026, 3, 9)));
  // Rating changes: a bulk history, then same-day corrections and back-dated changes.
  const changes: ReturnType<typeof ratingChange>[] = [];
  for (const h of hh) {
    let month = 1 + Math.floor(rnd() * 3);
    while (month <= 6) {
      changes.push(ratingChange(h, day(2026, month, 28), pick(['clean', 'model', 'premium', null])));
      month += 1 + Math.floor(rnd() * 2);
    }
  }
  await t.db.transaction((tx) => bulkInsert(tx, courtyardRatingChanges, changes));
  for (const h of hh.slice(0, 8)) {
    await t.db.insert(courtyardRatingChanges).values(ratingChange(h, day(2026, 3, 28), 'premium'));
    await t.db.insert(courtyardRatingChanges).values(ratingChange(h, day(2025, 12, 31), 'clean'));
  }
});
afterAll(() => t.close());

const periods: [string, string][] = [
  ['2026-01-01', '2026-12-31'], // a year
  ['2026-03-01', '2026-03-31'], // a month
  ['2026-04-01', '2026-06-30'], // a quarter
  ['2025-11-01', '2026-02-28'], // across the year end
  ['2026-02-10', '2026-05-20'], // whole months inside, days at both ends from the records
  ['2025-12-15', '2026-01-31'], // days at the start only, across the year end
  ['2026-03-01', '2026-04-09'], // days at the end only
  ['2026-03-05', '2026-03-20'], // no whole month: the source answers
];
const groupings = [undefined, 'kind', 'rating', 'orgUnit', 'orgUnit2', 'orgUnit,kind', 'orgUnit2,rating'];
const withoutRollup = (i: Indicator): Indicator => ({ ...i, rollup: undefined });

/** Every courtyard indicator, period and grouping: the roll-up path equals the source path. */
const expectRollupsEqualSources = async () => {
  const scopes = [org.units.county.path, org.units.townA.path, org.units.villageA1.path];
  let compared = 0;
  for (const i of courtyardIndicators)
    for (const scopePath of scopes) {
      for (const [from, to] of periods)
        for (const groupBy of groupings) {
          if (groupBy?.split(',').some((k) => !k.startsWith('orgUnit') && !i.dimensions[k])) continue;
          const args = { from, to, scopePath, groupBy };
          expect(
            await computeIndicator(t.db, i, args),
            `${i.key} ${from}…${to} ${groupBy} ${scopePath}`,
          ).toEqual(await computeIndicator(t.db, withoutRollup(i), args));
          compared++;
        }
      for (const year of [2025, 2026])
        expect(await computeIndicatorMonthly(t.db, i, { year, scopePath })).toEqual(
          await computeIndicatorMonthly(t.db, withoutRollup(i), { year, scopePath }),
        );
    }
  return compared;
};

/**
 * The rating figures by their definition, straight from the history (a `distinct on` sort of every
 * household's changes, as before the spans): the spans the trigger keeps must give the same.
 */
const byHistory: Record<string, Indicator['source']> = {
  'courtyards.households': ({ to }) => sql`
    select c.household_id as record_id, '' as record_label, c.effective_on as record_date, c.org_path,
      c.to_rating as rating, c.household_id as subject_id
    from (select distinct on (household_id) household_id, effective_on, org_path, to_rating
          from courtyard_rating_changes where effective_on <= ${to}::date
          order by household_id, effective_on desc, created_at desc, id desc) c
    join households h on h.id = c.household_id
    where c.to_rating is not null and h.deleted_at is null`,
  'courtyards.created': ({ from, to }) => sql`
    select c.household_id as record_id, '' as record_label, c.effective_on as record_date, c.org_path,
      c.to_rating as rating, c.household_id as subject_id
    from (select distinct on (household_id, to_rating) household_id, to_rating, effective_on, org_path
          from courtyard_rating_changes where to_rating is not null
          order by household_id, to_rating, effective_on, created_at, id) c
    join households h on h.id = c.household_id
    where c.effective_on between ${from}::date and ${to}::date and h.deleted_at is null`,
};
const expectSpansEqualHistory = async () => {
  for (const i of courtyardIndicators.filter((x) => byHistory[x.key]))
    for (const scopePath of [org.units.county.path, org.units.townB.path, org.units.villageA1.path])
      for (const [from, to] of periods)
        for (const groupBy of [undefined, 'rating', 'orgUnit,rating']) {
          const args = { from, to, scopePath, groupBy };
          expect(
            await computeIndicator(t.db, i, args),
            `${i.key} ${from}…${to} ${groupBy} ${scopePath}`,
          ).toEqual(await computeIndicator(t.db, { ...i, source: byHistory[i.key] }, args));
        }
};

/** What the triggers kept equals a rebuild from the records (zero rows left by deletes aside). */
const expectTriggersEqualRebuild = async () => {
  const read = async () => ({
    months: (
      await t.db.execute(sql`select org_path, month::text, kind, inspections from courtyard_inspections_by_month
        where inspections <> 0 order by 1, 2, 3`)
    ).rows,
    households: (
      await t.db.execute(sql`select * from courtyard_inspected_households
        where m1 + m2 + m3 + m4 + m5 + m6 + m7 + m8 + m9 + m10 + m11 + m12 <> 0 order by household_id, year, org_path, kind`)
    ).rows,
    spans: (
      await t.db.execute(
        sql`select id, valid_until::text, is_first_reach from courtyard_rating_changes order by id`,
      )
    ).rows,
  });
  const kept = await read();
  await t.db.execute(sql`select courtyard_rollups_rebuild()`);
  const rebuilt = await read();
  expect(kept.months.length).toBeGreaterThan(0);
  expect(kept).toEqual(rebuilt);
};

describe('courtyard roll-ups', () => {
  it('give what the records give after bulk and single inserts', async () => {
    const sums = (
      await t.db.execute(sql`select (select sum(inspections) from courtyard_inspections_by_month)::int as rolled,
        (select count(*) from courtyard_inspections where deleted_at is null)::int as records`)
    ).rows[0] as { rolled: number; records: number };
    expect(sums.rolled).toBe(sums.records);
    expect(await expectRollupsEqualSources()).toBeGreaterThan(100);
    await expectSpansEqualHistory();
    await expectTriggersEqualRebuild();
  });

  it('follow edits, soft deletes, restores, hard deletes and a village moving to another town', async () => {
    // Move some inspections to another month and kind, soft-delete some, restore half of those.
    await t.db.execute(sql`update courtyard_inspections set inspected_on = inspected_on + 40, kind = 'review'
      where id in (select id from courtyard_inspections order by id limit 20)`);
    await t.db.execute(sql`update courtyard_inspections set deleted_at = now()
      where id in (select id from courtyard_inspections order by id desc limit 30)`);
    await t.db.execute(sql`update courtyard_inspections set deleted_at = null
      where id in (select id from courtyard_inspections where deleted_at is not null order by id limit 15)`);
    await t.db.execute(
      sql`delete from courtyard_inspections where id in (select id from courtyard_inspections order by id limit 5 offset 100)`,
    );
    // An edit that changes nothing counted.
    await t.db.execute(sql`update courtyard_inspections set note = '复核' where kind = 'review'`);
    // Rating history: a change re-dated, one removed.
    await t.db.execute(sql`update courtyard_rating_changes set effective_on = effective_on - 60
      where id in (select id from courtyard_rating_changes order by id limit 10)`);
    await t.db.execute(
      sql`delete from courtyard_rating_changes where id in (select id from courtyard_rating_changes order by id desc limit 6)`,
    );
    // Village A2 moves under town B: every path below it is rewritten, as the unit move does.
    const oldPath = org.units.villageA2.path;
    const newPath = `${org.units.townB.path}${org.units.villageA2.id}/`;
    for (const table of ['courtyard_inspections', 'courtyard_rating_changes', 'households'])
      await t.db.execute(
        sql`update ${sql.identifier(table)} set org_path = ${newPath} || substr(org_path, ${oldPath.length + 1})
          where org_path like ${`${oldPath}%`}`,
      );
    // A removed household drops out of the rating figures.
    await t.db.execute(sql`update households set deleted_at = now() where id = ${hh[3].id}`);
    await expectRollupsEqualSources();
    await expectSpansEqualHistory();
    await expectTriggersEqualRebuild();
    const moved = (
      await t.db.execute(
        sql`select count(*)::int as n from courtyard_inspections_by_month where org_path = ${oldPath} and inspections <> 0`,
      )
    ).rows[0] as { n: number };
    expect(moved.n).toBe(0);
  });

  it('stay right when two writers add rating changes to one household at once', async () => {
    const h = hh[0];
    const h2 = {
      ...h,
      path: (await t.db.execute(sql`select org_path from households where id = ${h.id}`)).rows[0]
        .org_path as string,
    };
    const slow = t.db.transaction(async (tx) => {
      await tx.insert(courtyardRatingChanges).values(ratingChange(h2, day(2026, 8, 28), 'model'));
      await tx.execute(sql`select pg_sleep(0.3)`);
    });
    await new Promise((r) => setTimeout(r, 80));
    const fast = t.db.transaction(async (tx) => {
      await tx.insert(courtyardRatingChanges).values(ratingChange(h2, day(2026, 7, 28), 'premium'));
    });
    await Promise.all([slow, fast]);
    const spans = (
      await t.db.execute(sql`select effective_on::text, valid_until::text from courtyard_rating_changes
        where household_id = ${h.id} and effective_on >= '2026-07-01' order by effective_on`)
    ).rows;
    expect(spans).toEqual([
      { effective_on: '2026-07-28', valid_until: '2026-08-28' },
      { effective_on: '2026-08-28', valid_until: null },
    ]);
    await expectTriggersEqualRebuild();
  });

  it('two writers inspecting one village in one month both count', async () => {
    const [a, b] = [hh[1], hh[4]].map((h) => ({ ...h }));
    for (const h of [a, b])
      h.path = (await t.db.execute(sql`select org_path from households where id = ${h.id}`)).rows[0]
        .org_path as string;
    const before = await computeIndicator(t.db, courtyardInspectionsIndicator, {
      from: '2026-09-01',
      to: '2026-09-30',
      scopePath: org.units.county.path,
    });
    await Promise.all(
      [a, b, a, b].map((h, n) =>
        t.db.transaction(async (tx) => {
          await tx.insert(courtyardInspections).values(inspection(h, 'spotCheck', day(2026, 9, 10 + n)));
          await tx.execute(sql`select pg_sleep(0.1)`);
        }),
      ),
    );
    const after = await computeIndicator(t.db, courtyardInspectionsIndicator, {
      from: '2026-09-01',
      to: '2026-09-30',
      scopePath: org.units.county.path,
    });
    expect(after.total - before.total).toBe(4);
    await expectTriggersEqualRebuild();
  });
});
