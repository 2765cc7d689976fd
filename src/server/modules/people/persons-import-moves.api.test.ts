import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharOf } from '../../../contracts/common/id-number';
import { importRows } from '../../test/import-files';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

// A county import that would move a person registered in another town says so in the rehearsal and is
// refused unless she confirms (allowMoves=1); never silently.

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
const idOf = (first17: string) => `${first17}${checkCharOf(first17)}`;
const idB = idOf('33010219790909002');

const importAs = (query: string) =>
  importRows(
    t.app,
    county,
    `/api/v1/people/persons/import?wait=1${query}`,
    [
      ['姓名', '身份证号码', '所属村（社区）'],
      ['林秀梅', idB, '甲一村'],
      ['邹小娟', idOf('33010219800101003'), '甲一村'],
    ],
    '人员信息',
  );

const unitOfLin = async () =>
  (
    await t.db.$client.query(
      `select o.name from persons p join org_units o on o.id = p.org_unit_id where p.name = '林秀梅'`,
    )
  ).rows[0]?.name;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  const townB = await login(t.app, 'townB');
  const res = await call(t.app, townB, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageB1.id,
    name: '林秀梅',
    idNumber: idB,
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

describe('a county import that would move a person to another town', () => {
  const message = '林秀梅登记在乙镇乙一村，本次导入将迁到甲镇甲一村';

  it('the rehearsal warns, naming both towns, and writes nothing', async () => {
    const preview = await importAs('&preview=1');
    expect(preview.status).toBe('succeeded');
    expect(preview.counts).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(preview.warnings).toEqual([
      {
        row: 2,
        column: '所属村（社区）',
        value: '甲一村妇联',
        message: `${message}；确认无误请勾选“允许迁移”后导入`,
      },
    ]);
    expect(await unitOfLin()).toBe('乙一村妇联');
  });

  it('is refused unless confirmed, then moves her when she confirms', async () => {
    const refused = await importAs('');
    expect(refused.status).toBe('failed');
    expect(refused.issues).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringContaining(message) }),
    ]);
    expect(await unitOfLin()).toBe('乙一村妇联');
    const confirmed = await importAs('&allowMoves=1');
    expect(confirmed.status, JSON.stringify(confirmed.issues)).toBe('succeeded');
    expect(confirmed.warnings).toEqual([]);
    expect(await unitOfLin()).toBe('甲一村妇联');
  });
});
