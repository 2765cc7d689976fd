import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../test/migration-db';
import { runMigrations } from '../db/connection';

// The code-list migration on a database where a county already set its activity types: migrated up
// to the migration before it, the county's list saved the old way, then migrated to the end.

const database = databaseBefore('_county_code_lists', 'codelists');

describe('county_code_lists on a county that configured its activity types', () => {
  it("keeps the county's activity types, codes and labels as they were", async () => {
    const types = [
      { code: 'outreach', label: { zh: '理论宣讲', en: 'Talk' } },
      { code: 'custom1', label: { zh: '家庭教育', en: '家庭教育' } },
    ];
    await database().$client.query(
      `insert into activity_type_options (root_org_unit_id, types, updated_at)
       values ('0193a000-0000-7000-8000-000000000001', $1, '2026-03-01T00:00:00Z')`,
      [JSON.stringify(types)],
    );
    await runMigrations(database());
    const { rows } = await database().$client.query(
      'select root_org_unit_id::text as root, list, items, updated_at from county_code_lists',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      root: '0193a000-0000-7000-8000-000000000001',
      list: 'activityTypes',
      items: types,
    });
    expect(new Date(rows[0].updated_at).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    const old = await database().$client.query("select to_regclass('activity_type_options') as t");
    expect(old.rows[0].t).toBeNull();
  });
});
