import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../../test/import-files';
import { createTestApp, login, type Session, seedOrg } from '../../test/test-app';

// 与户主关系 = 户主 makes that person the household's head, for households the import creates or matches.

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

const HEADER = ['姓名', '性别', '出生日期', '家庭住址', '门牌号', '与户主关系'];

const importPersons = (rows: string[][]) =>
  importRows(
    t.app,
    town,
    `/api/v1/people/persons/import?wait=1&orgUnitId=${org.units.villageA1.id}`,
    [HEADER, ...rows],
    '人员信息',
  );

const headOf = async (address: string, houseNumber: string) => {
  const { rows } = await t.db.$client.query<{ head: string | null; version: number }>(
    `select p.name as head, h.version from households h left join persons p on p.id = h.head_person_id
     where h.address = $1 and h.house_number = $2 and h.deleted_at is null`,
    [address, houseNumber],
  );
  expect(rows).toHaveLength(1);
  return rows[0];
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
});
afterAll(() => t.close());

describe('household heads from the persons import', () => {
  it('a household created by the import gets its 户主 row’s person as head', async () => {
    const job = await importPersons([
      ['严志芳', '女', '1970-03-01', '东岭路', '8号', '配偶'],
      ['华建国', '男', '1968-05-02', '东岭路', '8号', '户主'],
      ['华晓雨', '女', '1995-09-09', '东岭路', '8号', '子女'],
    ]);
    expect(job.issues).toEqual([]);
    expect(job.status).toBe('succeeded');
    expect((await headOf('东岭路', '8号')).head).toBe('华建国');
    const audit = await t.db.$client.query(
      `select count(*)::int as n from audit_log where entity_type = 'household' and action = 'update'`,
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('a household matched by address gets its head from a later import, and an unchanged head is left alone', async () => {
    await importPersons([['金秀英', '女', '1960-01-01', '西岭路', '3号', '配偶']]);
    expect((await headOf('西岭路', '3号')).head).toBeNull();
    await importPersons([['陶福生', '男', '1958-02-02', '西岭路', '3号', '户主']]);
    const after = await headOf('西岭路', '3号');
    expect(after.head).toBe('陶福生');
    await importPersons([['陶福生', '男', '1958-02-02', '西岭路', '3号', '户主']]);
    expect(await headOf('西岭路', '3号')).toEqual(after);
  });

  it('two 户主 rows for one household are refused, naming the first', async () => {
    const job = await importPersons([
      ['潘红', '女', '1980-01-01', '南岭路', '1号', '户主'],
      ['潘刚', '男', '1979-01-01', '南岭路', '1号', '户主'],
    ]);
    expect(job.status).toBe('failed');
    expect(job.issues).toEqual([
      {
        row: 3,
        column: '与户主关系',
        value: '户主',
        message: '同一户已有户主（第2行），每户只能有一位户主',
      },
    ]);
  });
});
