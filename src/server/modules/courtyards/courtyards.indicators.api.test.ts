import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingLevel } from '../../../contracts/courtyards';
import { bulkInsert } from '../../kernel/db/bulk';
import { uuidv7 } from '../../kernel/db/ids';
import { shanghaiToday } from '../../kernel/time/calendar';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';
import { households } from '../people/people.table';
import {
  courtyardFeatured,
  courtyardInspections,
  courtyardPlaqueEvents,
  courtyardRatingChanges,
  courtyardRectifications,
  courtyardRubrics,
} from './courtyards.table';

// Every courtyards indicator against a count made here, in plain TypeScript, over the same
// generated records (a deterministic pseudo-random town).

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
const FROM = '2026-02-01';
const TO = '2026-04-30';
const today = shanghaiToday();

let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
const day = (month: number, d: number) =>
  `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

type H = { id: string; unit: string; path: string };
const hh: H[] = [];
const changes: { householdId: string; effectiveOn: string; toRating: RatingLevel | null; path: string }[] =
  [];
const inspections: { householdId: string; kind: string; on: string; path: string }[] = [];
const rects: { householdId: string; openedOn: string; deadline: string; status: string; path: string }[] = [];
const plaques: { householdId: string; kind: string; on: string; path: string }[] = [];
const featured: { householdId: string; category: string; on: string; path: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  const units = [org.units.villageA1, org.units.villageA2, org.units.villageB1];
  for (let i = 0; i < 60; i++) {
    const u = units[i % 3];
    hh.push({ id: uuidv7(), unit: u.id, path: u.path });
  }
  // Three rectifications opened today and not yet due (outside the period): 待整改 that is not 已逾期.
  for (const h of hh.slice(0, 3))
    rects.push({ householdId: h.id, openedOn: today, deadline: '2099-12-31', status: 'open', path: h.path });
  const rubricId = uuidv7();
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
      hh.map((h, i) => ({ id: h.id, orgUnitId: h.unit, orgPath: h.path, address: `测试路${i}号` })),
    );
    for (const h of hh) {
      let month = 1 + Math.floor(rnd() * 3);
      while (month <= 6) {
        changes.push({
          householdId: h.id,
          effectiveOn: day(month, 28),
          toRating: pick(['clean', 'model', 'premium', null] as const),
          path: h.path,
        });
        month += 1 + Math.floor(rnd() * 2);
      }
      for (let m = 1; m <= 6; m++) {
        if (rnd() < 0.8)
          inspections.push({
            householdId: h.id,
            kind: 'monthly',
            on: day(m, 20 + Math.floor(rnd() * 8)),
            path: h.path,
          });
        if (rnd() < 0.2)
          inspections.push({
            householdId: h.id,
            kind: pick(['spotCheck', 'review', 'quarterly']),
            on: day(m, 10),
            path: h.path,
          });
        if (rnd() < 0.3) {
          const opened = day(m, 20);
          rects.push({
            householdId: h.id,
            openedOn: opened,
            deadline: day(m, 27),
            status: pick(['open', 'fixed', 'verified']),
            path: h.path,
          });
        }
        if (rnd() < 0.15)
          plaques.push({
            householdId: h.id,
            kind: pick(['award', 'upgrade', 'downgrade', 'removal']),
            on: day(m, 5),
            path: h.path,
          });
      }
      if (rnd() < 0.3)
        featured.push({
          householdId: h.id,
          category: pick(['books', 'flowers', 'filialPiety']),
          on: day(1 + Math.floor(rnd() * 6), 1),
          path: h.path,
        });
    }
    await bulkInsert(
      tx,
      courtyardRatingChanges,
      changes.map((c) => ({
        id: uuidv7(),
        householdId: c.householdId,
        orgUnitId: hh.find((h) => h.id === c.householdId)?.unit ?? '',
        orgPath: c.path,
        month: c.effectiveOn.slice(0, 7),
        effectiveOn: c.effectiveOn,
        fromRating: null,
        toRating: c.toRating,
        averageScore: null,
        reason: '测试',
        reviewId: null,
      })),
    );
    await bulkInsert(
      tx,
      courtyardInspections,
      inspections.map((i) => ({
        id: uuidv7(),
        orgUnitId: hh.find((h) => h.id === i.householdId)?.unit ?? '',
        orgPath: i.path,
        householdId: i.householdId,
        rubricId,
        kind: i.kind,
        inspectedOn: i.on,
        month: i.on.slice(0, 7),
        totalScore: 80,
        rating: 'model',
        itemScores: [],
        deductions: [],
        vetoCodes: [],
      })),
    );
    await bulkInsert(
      tx,
      courtyardRectifications,
      rects.map((r) => ({
        id: uuidv7(),
        orgUnitId: hh.find((h) => h.id === r.householdId)?.unit ?? '',
        orgPath: r.path,
        householdId: r.householdId,
        problem: '测试问题',
        openedOn: r.openedOn,
        deadline: r.deadline,
        status: r.status,
      })),
    );
    await bulkInsert(
      tx,
      courtyardPlaqueEvents,
      plaques.map((p) => ({
        id: uuidv7(),
        householdId: p.householdId,
        orgUnitId: hh.find((h) => h.id === p.householdId)?.unit ?? '',
        orgPath: p.path,
        kind: p.kind,
        fromLevel: 'clean',
        toLevel: p.kind === 'removal' ? null : 'model',
        occurredOn: p.on,
        reason: '测试',
      })),
    );
    await bulkInsert(
      tx,
      courtyardFeatured,
      featured.map((f) => ({
        id: uuidv7(),
        householdId: f.householdId,
        orgUnitId: hh.find((h) => h.id === f.householdId)?.unit ?? '',
        orgPath: f.path,
        category: f.category,
        designatedOn: f.on,
      })),
    );
  });
});
afterAll(() => t.close());

const values = async (key: string, query = '') =>
  (
    await call(t.app, county, 'GET', `/api/v1/indicators/${key}/values?from=${FROM}&to=${TO}${query}`)
  ).json() as {
    total: number;
    rows: { group: string | null; label: string | null; value: number }[];
  };
const byGroup = (v: { rows: { group: string | null; value: number }[] }) =>
  Object.fromEntries(v.rows.map((r) => [r.group, r.value]));
const countBy = <T>(xs: T[], key: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};
const inPeriod = (d: string) => d >= FROM && d <= TO;
const records = async (key: string, query: string) =>
  (
    await call(
      t.app,
      county,
      'GET',
      `/api/v1/indicators/${key}/records?from=${FROM}&to=${TO}&pageSize=200${query}`,
    )
  ).json().total as number;

describe('courtyards indicators equal counts made independently', () => {
  it('courtyards.households{rating}: the latest rating at the period end', async () => {
    const latest = new Map<string, RatingLevel | null>();
    for (const c of [...changes].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn)))
      if (c.effectiveOn <= TO) latest.set(c.householdId, c.toRating);
    const rated = [...latest.values()].filter((r): r is RatingLevel => r !== null);
    const v = await values('courtyards.households', '&groupBy=rating');
    expect(v.total).toBe(rated.length);
    expect(byGroup(v)).toEqual(countBy(rated, (r) => r));
    expect(await records('courtyards.households', '&dimension=rating&value=model')).toBe(
      rated.filter((r) => r === 'model').length,
    );
  });

  it('courtyards.created{rating}: first reaching each level inside the period, households counted once', async () => {
    const first = new Map<string, string>();
    for (const c of [...changes].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn))) {
      if (!c.toRating) continue;
      const k = `${c.householdId}|${c.toRating}`;
      if (!first.has(k)) first.set(k, c.effectiveOn);
    }
    const hits = [...first.entries()].filter(([, d]) => inPeriod(d)).map(([k]) => k.split('|'));
    const v = await values('courtyards.created', '&groupBy=rating');
    expect(v.total).toBe(new Set(hits.map(([h]) => h)).size);
    expect(byGroup(v)).toEqual(countBy(hits, ([, r]) => r as string));
  });

  it('courtyards.inspections{kind} and courtyards.inspectedHouseholds{kind}', async () => {
    const inside = inspections.filter((i) => inPeriod(i.on));
    const v = await values('courtyards.inspections', '&groupBy=kind');
    expect(v.total).toBe(inside.length);
    expect(byGroup(v)).toEqual(countBy(inside, (i) => i.kind));
    const h = await values('courtyards.inspectedHouseholds', '&groupBy=kind');
    expect(h.total).toBe(new Set(inside.map((i) => i.householdId)).size);
    const monthly = new Set(inside.filter((i) => i.kind === 'monthly').map((i) => i.householdId)).size;
    expect(byGroup(h).monthly).toBe(monthly);
    const towns = await values('courtyards.inspections', '&groupBy=orgUnit');
    const townB = inside.filter((i) => i.path.startsWith(org.units.townB.path)).length;
    expect(towns.rows.find((r) => r.label === '乙镇妇联')?.value).toBe(townB);
  });

  it('courtyards.rectifications{status}: opened in the period, overdue derived from today', async () => {
    const inside = rects.filter((r) => inPeriod(r.openedOn));
    const status = (r: (typeof rects)[number]) =>
      r.status === 'open' && r.deadline < today ? 'overdue' : r.status;
    const v = await values('courtyards.rectifications', '&groupBy=status');
    expect(v.total).toBe(inside.length);
    expect(byGroup(v)).toEqual(countBy(inside, status));
    expect(await records('courtyards.rectifications', '&dimension=status&value=overdue')).toBe(
      inside.filter((r) => status(r) === 'overdue').length,
    );
  });

  it('the 整改逾期榜 counts 未整改 as the indicator does: open (not yet due) / overdue / fixed, today', async () => {
    const status = (r: (typeof rects)[number]) =>
      r.status === 'open' && r.deadline < today ? 'overdue' : r.status;
    const board = (await call(t.app, county, 'GET', '/api/v1/courtyards/rectifications/board')).json() as {
      villages: {
        orgUnitId: string;
        open: number;
        overdue: number;
        fixed: number;
        overdueItems: unknown[];
      }[];
    };
    const sums = { open: 0, overdue: 0, fixed: 0 };
    for (const u of [org.units.villageA1, org.units.villageA2, org.units.villageB1]) {
      const counts = countBy(
        rects.filter((r) => r.path === u.path),
        status,
      );
      const row = board.villages.find((v) => v.orgUnitId === u.id);
      const expected = { open: counts.open ?? 0, overdue: counts.overdue ?? 0, fixed: counts.fixed ?? 0 };
      expect(row).toMatchObject(expected);
      expect(row?.overdueItems).toHaveLength(expected.overdue);
      for (const k of ['open', 'overdue', 'fixed'] as const) sums[k] += expected[k];
    }
    expect(sums.open).toBeGreaterThan(0);
    // The board is today's backlog: the indicator over [since ever, today] gives the same counts.
    const since = (
      await call(
        t.app,
        county,
        'GET',
        `/api/v1/indicators/courtyards.rectifications/values?from=2000-01-01&to=${today}&groupBy=status`,
      )
    ).json() as { rows: { group: string | null; value: number }[] };
    expect(byGroup(since)).toMatchObject(sums);
  });

  it('courtyards.plaques.awarded / removed and courtyards.featured{category}', async () => {
    const inside = plaques.filter((p) => inPeriod(p.on));
    expect((await values('courtyards.plaques.awarded')).total).toBe(
      inside.filter((p) => ['award', 'upgrade'].includes(p.kind)).length,
    );
    expect((await values('courtyards.plaques.removed')).total).toBe(
      inside.filter((p) => p.kind === 'removal').length,
    );
    const f = featured.filter((x) => inPeriod(x.on));
    const v = await values('courtyards.featured', '&groupBy=category');
    expect(v.total).toBe(new Set(f.map((x) => x.householdId)).size);
    expect(byGroup(v)).toEqual(countBy(f, (x) => x.category));
  });

  it('a village sees only its own households in the same indicator', async () => {
    const a1 = await login(t.app, 'villageA1');
    const v = (
      await call(t.app, a1, 'GET', `/api/v1/indicators/courtyards.inspections/values?from=${FROM}&to=${TO}`)
    ).json();
    expect(v.total).toBe(
      inspections.filter((i) => inPeriod(i.on) && i.path === org.units.villageA1.path).length,
    );
  });
});
