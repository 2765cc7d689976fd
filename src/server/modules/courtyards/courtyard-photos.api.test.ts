import { and, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRubricRules } from '../../../contracts/courtyards';
import { auditLog } from '../../kernel/audit/audit.table';
import type { ServiceContext } from '../../kernel/service-context';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';
import { rectificationPhotoFiles } from './courtyard-photos.service';

// Courtyard photos on the kernel's photo mechanism: phases, the household gallery, the scope rule.

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let villageA2: Session;
const B = '/api/v1/courtyards';
const ids = { household: '', inspection: '', rectification: '' };

const jpeg = sharp({ create: { width: 16, height: 12, channels: 3, background: '#3a3' } })
  .jpeg()
  .toBuffer();
const upload = async (session: Session, url: string) =>
  uploadFile(t.app, session, url, await jpeg, 'p.jpg', 'image/jpeg');
const inspectionPhotos = () => `${B}/inspections/${ids.inspection}/photos`;
const rectificationPhotos = () => `${B}/rectifications/${ids.rectification}/photos`;
const rectification = async () =>
  (await call(t.app, town, 'GET', `${B}/rectifications/${ids.rectification}`)).json();
const gallery = async (s: Session) => call(t.app, s, 'GET', `${B}/households/${ids.household}/file`);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  const county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  villageA2 = await login(t.app, 'villageA2');
  const rubric = await call(t.app, county, 'POST', `${B}/rubrics`, {
    orgUnitId: org.units.county.id,
    year: 2026,
    name: '细则',
    isExample: true,
    rules: defaultRubricRules,
  });
  expect(rubric.statusCode, rubric.body).toBe(201);
  ids.household = (
    await call(t.app, town, 'POST', '/api/v1/people/households', {
      orgUnitId: org.units.villageA1.id,
      address: '村口路',
      houseNumber: '8号',
    })
  ).json().id;
  const inspection = await call(t.app, town, 'POST', `${B}/inspections`, {
    householdId: ids.household,
    kind: 'monthly',
    inspectedOn: '2026-08-28',
    deductions: [
      { itemCode: 'kitchen', reasonCode: 'grease', reason: '厨房墙壁油污', points: 3, isRectifying: true },
    ],
  });
  expect(inspection.statusCode, inspection.body).toBe(201);
  ids.inspection = inspection.json().id;
  ids.rectification = inspection.json().rectificationIds[0];
}, 60_000);
afterAll(() => t.close());

describe('courtyard photos through the kernel photo mechanism', () => {
  it('a rectification photo names its phase: none or an unknown one is refused before the body is read', async () => {
    const none = await upload(town, rectificationPhotos());
    expect(none.statusCode).toBe(400);
    const unknown = await upload(town, `${rectificationPhotos()}?phase=during`);
    expect(unknown.statusCode).toBe(400);
    expect((await rectification()).version).toBe(1);
  });

  it('before and after photos land in their own lists; the upload answers with the phase and is audited', async () => {
    const beforePhoto = await upload(town, `${rectificationPhotos()}?phase=before`);
    expect(beforePhoto.statusCode, beforePhoto.body).toBe(201);
    expect(beforePhoto.json()).toMatchObject({ phase: 'before', width: 16, height: 12 });
    const afterPhoto = await upload(town, `${rectificationPhotos()}?phase=after`);
    expect(afterPhoto.json().phase).toBe('after');
    const r = await rectification();
    expect(r.beforePhotoIds).toEqual([beforePhoto.json().id]);
    expect(r.afterPhotoIds).toEqual([afterPhoto.json().id]);
    expect(r.version).toBe(3);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'courtyardRectificationPhoto'),
          eq(auditLog.entityId, afterPhoto.json().id),
        ),
      );
    expect(audit).toMatchObject({
      module: 'courtyards',
      action: 'create',
      orgPath: org.units.villageA1.path,
    });
    expect(audit.after).toMatchObject({ ownerId: ids.rectification, phase: 'after' });
    const image = await call(t.app, town, 'GET', `${rectificationPhotos()}/${afterPhoto.json().id}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
  });

  it('an inspection photo has no phase: the household gallery lists it with the rectification photos, by record', async () => {
    const photo = await upload(town, inspectionPhotos());
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json().phase).toBeUndefined();
    const inspection = (await call(t.app, town, 'GET', `${B}/inspections/${ids.inspection}`)).json();
    expect(inspection.photoIds).toEqual([photo.json().id]);
    const file = await gallery(town);
    expect(file.statusCode, file.body).toBe(200);
    const photos = file.json().photos as {
      phase: string;
      inspectionId: string | null;
      rectificationId: string | null;
    }[];
    expect(photos.map((p) => [p.phase, p.inspectionId, p.rectificationId])).toEqual([
      ['before', null, ids.rectification],
      ['after', null, ids.rectification],
      ['inspection', ids.inspection, null],
    ]);
  });

  it('a deleted photo leaves the gallery and its list; the file and row stay', async () => {
    const { beforePhotoIds } = await rectification();
    const del = await call(t.app, town, 'DELETE', `${rectificationPhotos()}/${beforePhotoIds[0]}`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await rectification()).beforePhotoIds).toEqual([]);
    expect((await gallery(town)).json().photos.map((p: { phase: string }) => p.phase)).toEqual([
      'after',
      'inspection',
    ]);
    const kept = await t.db.execute(
      sql`select deleted_at is not null as is_deleted from courtyard_rectification_photos where id = ${beforePhotoIds[0]}`,
    );
    expect(kept.rows).toEqual([{ is_deleted: true }]);
  });

  it('a sibling village gets 404 on upload, view, delete and the gallery, and the kernel list holds nothing for her', async () => {
    const { afterPhotoIds } = await rectification();
    const photoUrl = `${rectificationPhotos()}/${afterPhotoIds[0]}`;
    expect((await upload(villageA2, `${rectificationPhotos()}?phase=after`)).statusCode).toBe(404);
    expect((await upload(villageA2, inspectionPhotos())).statusCode).toBe(404);
    expect((await call(t.app, villageA2, 'GET', photoUrl)).statusCode).toBe(404);
    expect((await call(t.app, villageA2, 'DELETE', photoUrl)).statusCode).toBe(404);
    expect((await gallery(villageA2)).statusCode).toBe(404);
    expect((await rectification()).afterPhotoIds).toEqual(afterPhotoIds);
    // The kernel's listing applies the same subtree rule by itself, whatever the caller asks for.
    const owners = sql`(select id from courtyard_rectifications where household_id = ${ids.household})`;
    const as = (unit: 'villageA1' | 'villageA2'): ServiceContext => ({
      db: t.db,
      crypto: {} as ServiceContext['crypto'],
      actor: {
        userId: org.userIds[unit],
        username: unit,
        displayName: unit,
        role: 'federationAdmin',
        orgUnitId: org.units[unit].id,
        orgPath: org.units[unit].path,
        permissions: new Set(['courtyards.read']),
        ip: null,
      },
    });
    expect(await rectificationPhotoFiles.list(as('villageA2'), owners)).toEqual([]);
    expect((await rectificationPhotoFiles.list(as('villageA1'), owners)).map((p) => p.id)).toEqual(
      afterPhotoIds,
    );
  });
});
