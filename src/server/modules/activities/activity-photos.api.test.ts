import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.table';
import { HEIC_MESSAGE, readImage, UNSUPPORTED_IMAGE_MESSAGE } from '../../kernel/files/image-store';
import { call, createTestApp, login, multipartOf, type Session, seedOrg } from '../../test/test-app';
import { shanghaiToday } from './activities.service';
import { activityPhotos } from './activities.table';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let village: Session;
let sibling: Session;
let activityId: string;
const year = String(Number(shanghaiToday().slice(0, 4)) - 1);
const activityUrl = (id: string) => `/api/v1/activities/activities/${id}`;

const upload = (s: Session, id: string, file: Buffer, filename = 'photo.jpg', type = 'image/jpeg') => {
  const { body, contentType } = multipartOf(filename, file, type);
  return t.app.inject({
    method: 'POST',
    url: `${activityUrl(id)}/photos`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType },
    payload: body,
  });
};

const newActivity = async (title: string) => {
  const res = await call(t.app, village, 'POST', '/api/v1/activities/activities', {
    orgUnitId: org.units.villageA1.id,
    title,
    type: 'outreach',
    occurredOn: `${year}-03-08`,
    attendance: 20,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

const smallJpeg = (colour = '#3a7') =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();

/** Stored sideways as phones do: 4000×3000 pixels, left half red, with EXIF orientation 6 (turn right). */
const phoneJpeg = () =>
  sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#0000ff' } })
    .composite([
      {
        input: { create: { width: 2000, height: 3000, channels: 3, background: '#ff0000' } },
        left: 0,
        top: 0,
      },
    ])
    .jpeg({ quality: 70 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'secret-exif', Make: 'TestCam' } } })
    .toBuffer();

const pixel = async (buf: Buffer, left: number, top: number) =>
  [...(await sharp(buf).extract({ left, top, width: 1, height: 1 }).raw().toBuffer())].slice(0, 3);

const storedFiles = async () => {
  const root = join(t.dataDir, 'uploads', 'activities');
  const years = await readdir(root).catch(() => [] as string[]);
  const files = await Promise.all(years.map((y) => readdir(join(root, y))));
  return files.flat();
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  village = await login(t.app, 'villageA1');
  sibling = await login(t.app, 'villageA2');
  activityId = await newActivity('三八节健康讲座');
});
afterAll(() => t.close());

describe('activity photos', () => {
  it('re-encodes a phone photo: upright, ≤1600px, no EXIF, private file under the data dir', async () => {
    const original = await phoneJpeg();
    expect(original.includes('secret-exif')).toBe(true);
    const before = (await call(t.app, village, 'GET', activityUrl(activityId))).json();

    const res = await upload(village, activityId, original, 'IMG_0001.JPG');
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json();
    expect(photo).toMatchObject({ width: 1200, height: 1600 });
    expect(photo.bytes).toBeGreaterThan(0);

    const got = await call(t.app, village, 'GET', `${activityUrl(activityId)}/photos/${photo.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['cache-control']).toBe('private, max-age=86400');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toBe('inline; filename="photo.jpg"');
    const image = got.rawPayload;
    expect(image.length).toBe(photo.bytes);
    expect(image.includes('secret-exif')).toBe(false);
    expect(image.includes('TestCam')).toBe(false);
    const meta = await sharp(image).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 1600 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // Orientation 6 turns the image right: the stored left half (red) ends up on top.
    const [r1, , b1] = await pixel(image, 600, 300);
    const [r2, , b2] = await pixel(image, 600, 1300);
    expect(r1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);

    const [row] = await t.db.select().from(activityPhotos).where(eq(activityPhotos.id, photo.id));
    expect(row).toMatchObject({
      ownerId: activityId,
      orgPath: org.units.villageA1.path,
      width: 1200,
      height: 1600,
    });
    expect(row.storageKey).toMatch(/^uploads\/activities\/\d{4}\/[0-9a-f-]{36}\.jpg$/);
    expect(row.storageKey).not.toContain('IMG_0001');
    const file = join(t.dataDir, row.storageKey);
    expect(file.startsWith(`${t.dataDir}/uploads/`)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(file, '..'))).mode & 0o777).toBe(0o700);

    const after = (await call(t.app, village, 'GET', activityUrl(activityId))).json();
    expect(after.photoIds).toEqual([photo.id]);
    expect(after.version).toBe(before.version + 1);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'activityPhoto'), eq(auditLog.entityId, photo.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      module: 'activities',
      action: 'create',
      orgPath: org.units.villageA1.path,
    });
  });

  it('accepts PNG and WebP, never enlarging a small image', async () => {
    const png = await sharp({ create: { width: 100, height: 50, channels: 4, background: '#fff0' } })
      .png()
      .toBuffer();
    const res = await upload(village, activityId, png, 'chart.png', 'image/png');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ width: 100, height: 50 });
    const webp = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#888' } })
      .webp()
      .toBuffer();
    const w = await upload(village, activityId, webp, 'x.webp', 'image/webp');
    expect(w.statusCode, w.body).toBe(201);
    const got = await call(t.app, village, 'GET', `${activityUrl(activityId)}/photos/${w.json().id}`);
    expect((await sharp(got.rawPayload).metadata()).format).toBe('jpeg');
  });

  it('refuses by content, not by name: a text file called .jpg, a HEIC photo, a corrupt JPEG', async () => {
    const filesBefore = await storedFiles();
    const text = await upload(village, activityId, Buffer.from('这不是图片\n'.repeat(20)), 'fake.jpg');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toBe(UNSUPPORTED_IMAGE_MESSAGE);

    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    const h = await upload(village, activityId, heic, 'IMG_0002.HEIC', 'image/heic');
    expect(h.statusCode).toBe(415);
    expect(h.json().error.message).toBe(HEIC_MESSAGE);

    const corrupt = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]);
    const c = await upload(village, activityId, corrupt, 'broken.jpg');
    expect(c.statusCode).toBe(415);
    expect(c.json().error.message).toMatch(/图片/);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('refuses a file over 10 MB with 413', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024, 1)]);
    const res = await upload(village, activityId, big, 'huge.jpg');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('10MB');
  });

  it('allows at most 9 live photos per activity; a deleted one frees a place', async () => {
    const id = await newActivity('九张照片的活动');
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await upload(village, id, await smallJpeg());
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const filesBefore = await storedFiles();
    const tenth = await upload(village, id, await smallJpeg());
    expect(tenth.statusCode).toBe(409);
    expect(tenth.json().error.message).toBe('每个活动最多上传9张照片');
    expect(await storedFiles()).toEqual(filesBefore);

    const del = await call(t.app, village, 'DELETE', `${activityUrl(id)}/photos/${ids[0]}`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await upload(village, id, await smallJpeg())).statusCode).toBe(201);
  });

  it('delete removes the photo from the activity, bumps its version and is audited', async () => {
    const id = await newActivity('删除照片的活动');
    const photoId = (await upload(village, id, await smallJpeg())).json().id;
    const before = (await call(t.app, village, 'GET', activityUrl(id))).json();
    expect(before.photoIds).toEqual([photoId]);

    const del = await call(t.app, village, 'DELETE', `${activityUrl(id)}/photos/${photoId}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toEqual({ ok: true });
    const after = (await call(t.app, village, 'GET', activityUrl(id))).json();
    expect(after.photoIds).toEqual([]);
    expect(after.version).toBe(before.version + 1);
    expect((await call(t.app, village, 'GET', `${activityUrl(id)}/photos/${photoId}`)).statusCode).toBe(404);
    expect((await call(t.app, village, 'DELETE', `${activityUrl(id)}/photos/${photoId}`)).statusCode).toBe(
      404,
    );
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, photoId), eq(auditLog.action, 'delete')));
    expect(audit).toHaveLength(1);
  });

  it('a photo is reached only through its own activity', async () => {
    const other = await newActivity('另一个活动');
    const photoId = (await upload(village, activityId, await smallJpeg())).json().id;
    expect((await call(t.app, village, 'GET', `${activityUrl(other)}/photos/${photoId}`)).statusCode).toBe(
      404,
    );
    expect((await call(t.app, village, 'DELETE', `${activityUrl(other)}/photos/${photoId}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses uploads to a deleted activity', async () => {
    const id = await newActivity('已删除的活动');
    const del = await call(t.app, village, 'DELETE', `${activityUrl(id)}?version=1`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await upload(village, id, await smallJpeg())).statusCode).toBe(404);
  });

  it('another village gets 404 on upload, view and delete, and the photo survives', async () => {
    const photoId = (await upload(village, activityId, await smallJpeg())).json().id;
    const post = await upload(sibling, activityId, await smallJpeg());
    expect(post.statusCode).toBe(404);
    const get = await call(t.app, sibling, 'GET', `${activityUrl(activityId)}/photos/${photoId}`);
    expect(get.statusCode).toBe(404);
    expect(get.headers['content-type']).toMatch(/json/);
    const del = await call(t.app, sibling, 'DELETE', `${activityUrl(activityId)}/photos/${photoId}`);
    expect(del.statusCode).toBe(404);
    expect(
      (await call(t.app, village, 'GET', `${activityUrl(activityId)}/photos/${photoId}`)).statusCode,
    ).toBe(200);
    // The town above the village sees it.
    const town = await login(t.app, 'townA');
    expect((await call(t.app, town, 'GET', `${activityUrl(activityId)}/photos/${photoId}`)).statusCode).toBe(
      200,
    );
  });

  it('readImage refuses a storage key that leaves the uploads folder', async () => {
    await expect(readImage(t.dataDir, '../secrets.json')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readImage(t.dataDir, 'uploads/../../etc/passwd')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(readImage(t.dataDir, '/etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
