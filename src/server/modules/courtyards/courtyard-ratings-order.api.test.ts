import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../contracts/common/io';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

// The household ratings ledger merged into the rating history by date: the same rows in any order give
// the same current rating, the same history and the same indicator; an older-dated row never overrides
// a newer current rating and never adds a false change.

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const HEADS = ['周玉兰', '吴桂英', '郑秀芝'];
const VILLAGES = { villageA1: '甲一村', villageA2: '甲二村' } as const;
type Village = keyof typeof VILLAGES;
const LEVELS = { 清洁户: 'clean', 示范户: 'model', 精品户: 'premium', 未达标: null } as const;
type Label = keyof typeof LEVELS;
const DATES = ['2023-03-31', '2023-12-31', '2024-06-30', '2024-12-31', '2025-06-30', '2025-12-31'];

type RatingRow = { head: string; on: string; label: Label };

const upload = async (village: Village, rows: RatingRow[]): Promise<ImportJob> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评定');
  ws.addRow(['村（社区）', '户主姓名', '评定等级', '评定日期']);
  for (const r of rows) ws.addRow([VILLAGES[village], r.head, r.label, r.on]);
  const res = await uploadFile(
    t.app,
    town,
    '/api/v1/courtyards/households/import?wait=1',
    Buffer.from(await wb.xlsx.writeBuffer()),
    '评定台账.xlsx',
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** Each household's history as (date, from, to), and its current rating in the ledger. */
const stateOf = async (village: Village) => {
  const unit = org.units[village].id;
  const history = (
    await t.db.$client.query(
      `select p.name as head, c.effective_on::text as on, c.from_rating as "from", c.to_rating as "to"
       from courtyard_rating_changes c join households h on h.id = c.household_id join persons p on p.id = h.head_person_id
       where h.org_unit_id = $1 order by p.name, c.effective_on`,
      [unit],
    )
  ).rows;
  const current = (
    await t.db.$client.query(
      `select p.name as head, s.rating, s.rated_on::text as rated_on from courtyard_household_status s
       join households h on h.id = s.household_id join persons p on p.id = h.head_person_id
       where h.org_unit_id = $1 order by p.name`,
      [unit],
    )
  ).rows;
  return { history, current };
};

const indicatorOf = async (village: Village, to: string) =>
  (
    await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/courtyards.households/values?from=2023-01-01&to=${to}&groupBy=rating&orgUnitId=${org.units[village].id}`,
    )
  )
    .json()
    .rows.map((r: { group: string; value: number }) => `${r.group}:${r.value}`)
    .sort();

/** The model: each household's rows by date, an entry wherever the rating differs from the one before. */
const modelOf = (rows: RatingRow[]) => {
  const history: { head: string; on: string; from: string | null; to: string | null }[] = [];
  const current: { head: string; rating: string | null; rated_on: string }[] = [];
  for (const head of [...HEADS].sort()) {
    const mine = rows.filter((r) => r.head === head).sort((a, b) => (a.on < b.on ? -1 : 1));
    let was: string | null = null;
    let last: { on: string } | undefined;
    for (const r of mine) {
      const to = LEVELS[r.label];
      if (to === was) continue;
      history.push({ head, on: r.on, from: was, to });
      was = to;
      last = r;
    }
    if (last) current.push({ head, rating: was, rated_on: last.on });
  }
  return { history, current };
};

const clear = () =>
  t.db.$client.query(
    'delete from courtyard_rating_changes; delete from courtyard_household_status; delete from courtyard_plaque_events',
  );

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  for (const village of Object.keys(VILLAGES) as Village[]) {
    for (const [i, head] of HEADS.entries()) {
      const unit = org.units[village].id;
      const h = await call(t.app, town, 'POST', '/api/v1/people/households', {
        orgUnitId: unit,
        address: '评定街',
        houseNumber: `${i + 1}号`,
      });
      const p = await call(t.app, town, 'POST', '/api/v1/people/persons', {
        orgUnitId: unit,
        name: head,
        householdId: h.json().id,
      });
      await call(t.app, town, 'PATCH', `/api/v1/people/households/${h.json().id}`, {
        headPersonId: p.json().id,
        version: 1,
      });
    }
  }
});
afterAll(() => t.close());

const rowsArb = fc
  .uniqueArray(
    fc.record({
      head: fc.constantFrom(...HEADS),
      on: fc.constantFrom(...DATES),
      label: fc.constantFrom(...(Object.keys(LEVELS) as Label[])),
    }),
    { minLength: 1, maxLength: 10, selector: (r) => `${r.head}|${r.on}` },
  )
  .chain((rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.shuffledSubarray(rows, { minLength: rows.length }),
      fc.shuffledSubarray(rows, { minLength: rows.length }),
    ),
  );

describe('the ratings ledger in any order', () => {
  it('gives the same current rating, history and indicator as the rows in date order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, async ([rows, first, second]) => {
        await clear();
        const a = await upload('villageA1', first);
        const b = await upload('villageA2', second);
        expect(a.status, JSON.stringify(a.issues)).toBe('succeeded');
        expect(b.status, JSON.stringify(b.issues)).toBe('succeeded');
        const model = modelOf(rows);
        const stateA = await stateOf('villageA1');
        expect(stateA).toEqual(model);
        expect(await stateOf('villageA2')).toEqual(model);
        expect(a.counts).toEqual(b.counts);
        for (const to of ['2024-01-01', '2025-01-01', '2026-01-01']) {
          expect(await indicatorOf('villageA1', to)).toEqual(await indicatorOf('villageA2', to));
        }
        // Uploaded again, in the other order: nothing changes.
        const again = await upload('villageA1', second);
        expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: rows.length });
        expect(await stateOf('villageA1')).toEqual(stateA);
      }),
      { numRuns: 25 },
    );
  }, 180_000);

  it('an older-dated row uploaded after a newer one keeps the newer current rating and adds no false change', async () => {
    await clear();
    const newer = await upload('villageA1', [{ head: '周玉兰', on: '2025-12-31', label: '精品户' }]);
    expect(newer.counts).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const older = await upload('villageA1', [{ head: '周玉兰', on: '2024-12-31', label: '示范户' }]);
    expect(older.counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const state = await stateOf('villageA1');
    expect(state.current).toEqual([{ head: '周玉兰', rating: 'premium', rated_on: '2025-12-31' }]);
    // The history tells the truth: 示范户 from 2024, 精品户 from 2025 (not a fall from 精品户 to 示范户).
    expect(state.history).toEqual([
      { head: '周玉兰', on: '2024-12-31', from: null, to: 'model' },
      { head: '周玉兰', on: '2025-12-31', from: 'model', to: 'premium' },
    ]);
    // The 精品户 list and the indicator agree.
    const premium = await call(
      t.app,
      town,
      'GET',
      `/api/v1/courtyards/households?orgUnitId=${org.units.villageA1.id}&rating=premium`,
    );
    expect(premium.json().items.map((h: { headName: string }) => h.headName)).toEqual(['周玉兰']);
    expect(await indicatorOf('villageA1', '2026-01-01')).toEqual(['premium:1']);
    // An older row at the level already in force then: unchanged.
    const same = await upload('villageA1', [{ head: '周玉兰', on: '2025-06-30', label: '示范户' }]);
    expect(same.counts).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await stateOf('villageA1')).toEqual(state);
  });
});

describe('plaques in the ratings ledger', () => {
  it('an older-dated plaque row never replaces the newer plaque, and the import says so', async () => {
    await clear();
    const plaqueRow = async (on: string, level: Label) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('评定');
      ws.addRow(['村（社区）', '户主姓名', '评定等级', '评定日期', '挂牌', '挂牌日期']);
      ws.addRow(['甲一村', '吴桂英', level, on, level, on]);
      const res = await uploadFile(
        t.app,
        town,
        '/api/v1/courtyards/households/import?wait=1',
        Buffer.from(await wb.xlsx.writeBuffer()),
        '评定台账.xlsx',
      );
      return res.json() as Promise<ImportJob>;
    };
    expect((await plaqueRow('2025-12-31', '精品户')).status).toBe('succeeded');
    const older = await plaqueRow('2024-12-31', '示范户');
    expect(older.status).toBe('succeeded');
    expect(older.warnings).toEqual([
      expect.objectContaining({
        column: '挂牌日期',
        message: '该户自2025-12-31起挂精品户牌，本行挂牌日期更早，未改变现有挂牌',
      }),
    ]);
    const status = await t.db.$client.query(
      `select s.plaque_level, s.plaque_since::text as since from courtyard_household_status s
       join households h on h.id = s.household_id join persons p on p.id = h.head_person_id
       where p.name = '吴桂英' and h.org_unit_id = $1`,
      [org.units.villageA1.id],
    );
    expect(status.rows).toEqual([{ plaque_level: 'premium', since: '2025-12-31' }]);
  });
});
