import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createTestApp, login, multipartOf, type Session, seedOrg } from '../../test/test-app';

/**
 * A full disk, simulated: while `failWith` is set, a write under uploads/ writes half of its bytes
 * (what a real ENOSPC leaves) and then fails with that errno. Every other write is the real one.
 */
const disk = vi.hoisted(() => ({ failWith: undefined as string | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof real.writeFile = async (file, data, options) => {
    if (disk.failWith && String(file).includes(`${path.sep}uploads${path.sep}`)) {
      const bytes = Buffer.from(data as Buffer);
      await real.writeFile(file, bytes.subarray(0, bytes.length / 2), options);
      throw Object.assign(new Error(`${disk.failWith}: no space left on device, write`), {
        code: disk.failWith,
        errno: -28,
        syscall: 'write',
      });
    }
    return real.writeFile(file, data, options);
  };
  return { ...real, default: { ...real, writeFile }, writeFile };
});

let t: Awaited<ReturnType<typeof createTestApp>>;
let county: Session;
let activityId: string;
let jpeg: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  const org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  const activity = await call(t.app, county, 'POST', '/api/v1/activities/activities', {
    orgUnitId: org.units.villageA1.id,
    title: '磁盘测试活动',
    type: 'outreach',
    occurredOn: '2026-01-05',
    attendance: 3,
  });
  expect(activity.statusCode, activity.body).toBe(201);
  activityId = activity.json().id;
  jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#0a0' } })
    .jpeg()
    .toBuffer();
});
afterAll(() => t.close());

const upload = () => {
  const { body, contentType } = multipartOf('a.jpg', jpeg, 'image/jpeg');
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/activities/activities/${activityId}/photos`,
    headers: { cookie: county.cookie, 'x-csrf-token': county.csrf, 'content-type': contentType },
    payload: body,
  });
};

/** Every file under the app's uploads folder, at any depth. */
const storedFiles = async () => {
  const root = path.join(t.dataDir, 'uploads');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
};

describe('a full disk', () => {
  it.each(['ENOSPC', 'EDQUOT'])(
    '%s answers 507 with words for the cadre, and leaves no file',
    async (code) => {
      const before = await storedFiles();
      disk.failWith = code;
      const res = await upload().finally(() => {
        disk.failWith = undefined;
      });
      expect(res.statusCode, res.body).toBe(507);
      expect(res.json().error).toEqual({
        code: 'INSUFFICIENT_STORAGE',
        message: '服务器磁盘空间不足，请联系管理员',
      });
      expect(await storedFiles()).toEqual(before);
      const photos = await call(t.app, county, 'GET', `/api/v1/activities/activities/${activityId}`);
      expect(photos.json().photos ?? []).toEqual([]);
    },
  );

  it('once space is back the same upload is stored, under its final name only', async () => {
    const res = await upload();
    expect(res.statusCode, res.body).toBe(201);
    const files = await storedFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.jpg$/);
  });
});
