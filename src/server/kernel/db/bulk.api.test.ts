import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persons } from '../../modules/people/people.table';
import { createTestApp, seedOrg } from '../../test/test-app';
import { auditLog } from '../audit/audit.table';
import { bulkInsert } from './bulk';
import { uuidv7 } from './ids';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
});
afterAll(() => t.close());

describe('bulkInsert through unnest', () => {
  it('round-trips text arrays with quotes and backslashes, nulls, dates and jsonb exactly', async () => {
    const unit = org.units.villageA1;
    const rows = [
      { tags: ['留守妇女', 'a"b', 'c\\d', 'x,y', '{z}'], birthDate: '1985-06-12', note: null },
      { tags: [], birthDate: null, note: '备注' },
    ].map((r) => ({
      id: uuidv7(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      name: '测试',
      namePinyin: 'ceshi cs',
      ...r,
    }));
    await t.db.transaction(async (tx) => {
      await bulkInsert(tx, persons, rows);
      await bulkInsert(tx, auditLog, [
        {
          module: 'people',
          action: 'create',
          entityId: rows[0].id,
          after: { a: 'x"y', n: [1, 2], nested: { k: null } },
        },
      ]);
    });
    const got = await t.db.$client.query(
      'select tags, birth_date::text, note from persons where id = any($1) order by note nulls first',
      [rows.map((r) => r.id)],
    );
    expect(got.rows).toEqual([
      { tags: ['留守妇女', 'a"b', 'c\\d', 'x,y', '{z}'], birth_date: '1985-06-12', note: null },
      { tags: [], birth_date: null, note: '备注' },
    ]);
    const audit = await t.db.$client.query('select after from audit_log where entity_id = $1', [rows[0].id]);
    expect(audit.rows[0].after).toEqual({ a: 'x"y', n: [1, 2], nested: { k: null } });
  });
});
