import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../../test/import-files';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

// A roster re-uploaded after a 换届: each row is matched to the term it describes, an ended term's
// 卸任日期 closes it, an unchanged row stays unchanged, and a blank 卸任日期 means "still in office".

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const roster = (rows: string[][]) =>
  importRows(
    t.app,
    town,
    `/api/v1/people/role-terms/import?wait=1&orgUnitId=${org.units.villageA1.id}`,
    [['姓名', '任职组织', '职务', '任职日期', '卸任日期'], ...rows],
    '执委名册',
  );

const terms = async () =>
  (
    await t.db.$client.query(
      `select p.name, r.role, r.started_on::text as start, r.ended_on::text as end
       from role_terms r join persons p on p.id = r.person_id where r.deleted_at is null order by p.name, r.role, r.started_on`,
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  for (const name of ['王淑珍', '李玉洁', '赵小芳']) {
    await call(t.app, town, 'POST', '/api/v1/people/persons', { orgUnitId: org.units.villageA1.id, name });
  }
  const first = await roster([
    ['王淑珍', '甲一村', '主席', '2021-06-15'],
    ['王淑珍', '甲一村', '执委', '2021-06-15'],
    ['李玉洁', '甲一村', '执委', '2021-06-15'],
  ]);
  expect(first.counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
});
afterAll(() => t.close());

describe('a roster re-uploaded after a 换届', () => {
  const afterElection = [
    // The new terms first: the rows' order does not matter.
    ['王淑珍', '甲一村', '主席', '2026-06-20'],
    ['赵小芳', '甲一村', '执委', '2026-06-20'],
    ['王淑珍', '甲一村', '主席', '2021-06-15', '2026-06-19'],
    ['王淑珍', '甲一村', '执委', '2021-06-15'],
    ['李玉洁', '甲一村', '执委', '2021-06-15', '2026-06-19'],
  ];

  it('closes the ended terms, opens the new ones and leaves the unchanged row alone, with no false overlap', async () => {
    const job = await roster(afterElection);
    expect(job.issues).toEqual([]);
    expect(job.counts).toEqual({ created: 2, updated: 2, unchanged: 1 });
    expect(await terms()).toEqual([
      { name: '李玉洁', role: 'executiveMember', start: '2021-06-15', end: '2026-06-19' },
      { name: '王淑珍', role: 'chair', start: '2021-06-15', end: '2026-06-19' },
      { name: '王淑珍', role: 'chair', start: '2026-06-20', end: null },
      { name: '王淑珍', role: 'executiveMember', start: '2021-06-15', end: null },
      { name: '赵小芳', role: 'executiveMember', start: '2026-06-20', end: null },
    ]);
  });

  it('uploaded again, changes nothing', async () => {
    const job = await roster(afterElection);
    expect(job.counts).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });

  it('a blank 卸任日期 means still in office: it never silently reopens a closed term', async () => {
    const before = await terms();
    const job = await roster([['李玉洁', '甲一村', '执委', '2021-06-15']]);
    expect(job.status).toBe('failed');
    expect(job.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: '卸任日期',
        message: expect.stringContaining('已于2026-06-19卸任'),
      }),
    ]);
    expect(await terms()).toEqual(before);
  });

  it('a new term overlapping one still in office is refused, saying how to record the 换届', async () => {
    const job = await roster([['王淑珍', '甲一村', '执委', '2026-06-20']]);
    expect(job.issues).toEqual([
      expect.objectContaining({
        column: '任职日期',
        message: '与已有任期（自2021-06-15起，仍在任）重叠；如已换届，请在该任期的行填写卸任日期',
      }),
    ]);
  });
});
