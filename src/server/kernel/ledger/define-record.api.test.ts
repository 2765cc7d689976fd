import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionQuerySchema } from '../../../contracts/common/paging';
import { rolePermissions } from '../../../contracts/common/permissions';
import type { Site } from '../../../contracts/org-ledgers';
import { sites } from '../../modules/org/org-ledgers.table';
import { findSite, toSite } from '../../modules/org/sites.repository';
import { createTestApp, seedOrg } from '../../test/test-app';
import type { DbOrTx } from '../db/connection';
import { uuidv7 } from '../db/ids';
import { AppError } from '../http/errors';
import type { ServiceContext } from '../service-context';
import { defineRecord } from './define-record';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let ctx: ServiceContext;
let other: ServiceContext;

const ctxFor = (username: 'townA' | 'townB'): ServiceContext => ({
  db: t.db,
  crypto: t.app.fieldCrypto,
  actor: {
    userId: org.userIds[username],
    username,
    displayName: `${username}用户`,
    role: 'federationAdmin',
    orgUnitId: org.units[username].id,
    orgPath: org.units[username].path,
    permissions: new Set(rolePermissions.federationAdmin),
    ip: null,
  },
});

const spec = {
  entityType: 'testSite',
  table: sites,
  label: '测试阵地',
  auditModule: 'org' as const,
  permissions: { read: 'org.read' as const, write: 'org.write' as const },
  find: async (db: DbOrTx, _ctx: ServiceContext, scopePath: string, id: string) => {
    const row = await findSite(db, scopePath, id);
    return row && toSite(row);
  },
  describe: (s: Site) => s.name,
  onWriteError: (e: unknown) => {
    if ((e as { cause?: { code?: string } }).cause?.code === '23505') {
      throw new AppError('DUPLICATE', '重名');
    }
  },
};
const record = defineRecord(spec);
const sensitive = defineRecord({ ...spec, entityType: 'secretSite', isSensitive: true });

const auditOf = async (entityId: string) =>
  (
    await t.db.$client.query(
      'select action, entity_type, entity_label, org_unit_id, before, after from audit_log where entity_id = $1 order by id',
      [entityId],
    )
  ).rows;

const createSite = (name: string) =>
  t.db.transaction((tx) => {
    const id = uuidv7();
    const unit = org.units.villageA1;
    return record.create(tx, ctx, { id, orgPath: unit.path }, () =>
      tx.insert(sites).values({ id, orgUnitId: unit.id, orgPath: unit.path, kind: 'other', name }),
    );
  });

const rename = (id: string, version: number, name: string, c = ctx) =>
  record.update(c, id, version, (tx) => record.write(tx, id, { name }));

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  ctx = ctxFor('townA');
  other = ctxFor('townB');
});
afterAll(() => t.close());

describe('defineRecord', () => {
  it('exposes what a module manifest lists', () => {
    expect(record).toMatchObject({
      entityType: 'testSite',
      table: sites,
      label: '测试阵地',
      auditModule: 'org',
      permissions: { read: 'org.read', write: 'org.write' },
      isSensitive: false,
    });
  });

  it('create audits the new record; update checks the version and audits before and after', async () => {
    const site = await createSite('一号');
    expect(site).toMatchObject({ name: '一号', version: 1 });
    const stale = rename(site.id, 2, '二号');
    await expect(stale).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const renamed = await rename(site.id, 1, '二号');
    expect(renamed).toMatchObject({ name: '二号', version: 2 });
    const rows = await auditOf(site.id);
    expect(rows.map((r) => [r.action, r.entity_type, r.entity_label])).toEqual([
      ['create', 'testSite', '一号'],
      ['update', 'testSite', '二号'],
    ]);
    expect(rows[0]).toMatchObject({ before: null, org_unit_id: org.units.villageA1.id });
    expect(rows[1].before).toMatchObject({ name: '一号', version: 1 });
    expect(rows[1].after).toMatchObject({ name: '二号', version: 2 });
  });

  it('answers 404 outside the caller’s subtree, and maps write errors through onWriteError', async () => {
    const site = await createSite('三号');
    await expect(rename(site.id, 1, '四号', other)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      userMessage: '测试阵地不存在或已被删除',
    });
    await expect(rename(site.id, 1, '二号')).rejects.toMatchObject({
      code: 'DUPLICATE',
      userMessage: '重名',
    });
    expect((await auditOf(site.id)).map((r) => r.action)).toEqual(['create']);
  });

  it('soft-deletes and restores, refusing edits of a deleted record and a restore of a live one', async () => {
    const site = await createSite('五号');
    const deleted = await record.softDelete(ctx, site.id, 1, async () => {});
    expect(deleted.deletedAt).not.toBeNull();
    await expect(rename(site.id, 2, '六号')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.db.transaction((tx) => record.lock(tx, ctx, site.id))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(record.softDelete(ctx, site.id, 2)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const refused = record.restore(ctx, site.id, 2, async () => {
      throw new AppError('CONFLICT', '不许恢复');
    });
    await expect(refused).rejects.toMatchObject({ userMessage: '不许恢复' });
    const restored = await record.restore(ctx, site.id, 2);
    expect(restored).toMatchObject({ deletedAt: null, version: 3 });
    await expect(record.restore(ctx, site.id, 3)).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: '该测试阵地未被删除，无需恢复',
    });
    const rows = await auditOf(site.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'delete', 'restore']);
    expect(rows[1].after.deletedAt).not.toBeNull();
  });

  it('audits every read of a sensitive record type, and none of the others', async () => {
    const site = await createSite('七号');
    expect(await record.get(ctx, site.id)).toMatchObject({ name: '七号' });
    expect((await auditOf(site.id)).map((r) => r.action)).toEqual(['create']);
    expect(await sensitive.get(ctx, site.id)).toMatchObject({ name: '七号' });
    await t.db.transaction((tx) => sensitive.recordRead(tx, ctx, 'list', [site], ctx.actor.orgPath));
    const reads = (await auditOf(site.id)).filter((r) => r.action === 'read');
    expect(reads.map((r) => [r.entity_type, r.after])).toEqual([
      ['secretSite', { via: 'get' }],
      ['secretSite', { via: 'list' }],
    ]);
    await expect(sensitive.get(other, site.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('versionQuerySchema reads ?version= as a positive integer and nothing else', () => {
    expect(versionQuerySchema.parse({ version: '3' })).toEqual({ version: 3 });
    expect(versionQuerySchema.safeParse({ version: '0' }).success).toBe(false);
    expect(versionQuerySchema.safeParse({ version: '1', x: '1' }).success).toBe(false);
  });
});
