import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../kernel/db/connection';
import { databaseBefore } from '../../test/migration-db';

// The move of courtyard_photos onto the kernel's photo tables, run on a database that has photos:
// migrated up to the migration before it, filled, then migrated to the end.

const database = databaseBefore('_courtyard_photos_kernel', 'migration');

const ids = {
  inspection: '01900000-0000-7000-8000-000000000001',
  inspectionPhoto: '01900000-0000-7000-8000-0000000000a1',
  rectification: '01900000-0000-7000-8000-000000000002',
  beforePhoto: '01900000-0000-7000-8000-0000000000b1',
  afterPhoto: '01900000-0000-7000-8000-0000000000b2',
  deletedAfterPhoto: '01900000-0000-7000-8000-0000000000b3',
  household: '01900000-0000-7000-8000-000000000003',
};

describe('courtyard photos migrate onto the kernel photo tables', () => {
  it('every photo keeps its id, file, owner, phase and soft delete; the old table goes', async () => {
    await database().$client.query(
      `insert into courtyard_photos
        (id, inspection_id, rectification_id, household_id, phase, org_path, storage_key, width, height, bytes, created_at, deleted_at)
       values
        ($1, $2, null, $3, 'inspection', '/c/t/v/', 'ab/inspection.jpg', 800, 600, 1000, '2026-03-01T08:00:00Z', null),
        ($4, null, $5, $3, 'before', '/c/t/v/', 'ab/before.jpg', 600, 800, 2000, '2026-03-01T08:01:00Z', null),
        ($6, null, $5, $3, 'after', '/c/t/v/', 'ab/after.jpg', 600, 800, 3000, '2026-03-05T08:00:00Z', null),
        ($7, null, $5, $3, 'after', '/c/t/v/', 'ab/gone.jpg', 600, 800, 4000, '2026-03-05T08:02:00Z', '2026-03-05T09:00:00Z')`,
      [
        ids.inspectionPhoto,
        ids.inspection,
        ids.household,
        ids.beforePhoto,
        ids.rectification,
        ids.afterPhoto,
        ids.deletedAfterPhoto,
      ],
    );
    await runMigrations(database());

    const inspection = await database().$client.query(
      `select id, inspection_id, phase, org_path, storage_key, width, height, bytes, deleted_at
       from courtyard_inspection_photos`,
    );
    expect(inspection.rows).toEqual([
      {
        id: ids.inspectionPhoto,
        inspection_id: ids.inspection,
        phase: null,
        org_path: '/c/t/v/',
        storage_key: 'ab/inspection.jpg',
        width: 800,
        height: 600,
        bytes: 1000,
        deleted_at: null,
      },
    ]);
    const rectification = await database().$client.query(
      `select id, rectification_id, phase, storage_key, bytes, deleted_at is not null as is_deleted,
         created_at = '2026-03-05T08:00:00Z' as kept_date
       from courtyard_rectification_photos order by created_at`,
    );
    expect(rectification.rows).toEqual([
      {
        id: ids.beforePhoto,
        rectification_id: ids.rectification,
        phase: 'before',
        storage_key: 'ab/before.jpg',
        bytes: 2000,
        is_deleted: false,
        kept_date: false,
      },
      {
        id: ids.afterPhoto,
        rectification_id: ids.rectification,
        phase: 'after',
        storage_key: 'ab/after.jpg',
        bytes: 3000,
        is_deleted: false,
        kept_date: true,
      },
      {
        id: ids.deletedAfterPhoto,
        rectification_id: ids.rectification,
        phase: 'after',
        storage_key: 'ab/gone.jpg',
        bytes: 4000,
        is_deleted: true,
        kept_date: false,
      },
    ]);
    const old = await database().$client.query(`select to_regclass('courtyard_photos') as t`);
    expect(old.rows[0].t).toBe(null);
  });
});
