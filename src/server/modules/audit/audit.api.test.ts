import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../contracts/audit';
import type { OrgUnit } from '../../../contracts/org';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let village: Session;
let unit: OrgUnit;

const auditUrl = '/api/v1/audit';
const unitsUrl = '/api/v1/org/units';

type AuditList = { items: AuditEntry[]; total: number };

/** The Asia/Shanghai calendar day of an instant, `YYYY-MM-DD`. */
const shanghaiDay = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

const auditRowCount = async () =>
  Number((await t.db.$client.query('select count(*) from audit_log')).rows[0].count);

/** The audit sheet of a downloaded workbook (exceljs declares its own Buffer type). */
const sheetOf = async (payload: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ExcelJS.Buffer);
  return workbook.getWorksheet('操作日志');
};

const list = async (session: Session, query: string): Promise<AuditList> => {
  const res = await call(t.app, session, 'GET', `${auditUrl}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
  const created = await call(t.app, town, 'POST', unitsUrl, {
    parentId: org.units.townA.id,
    kind: 'village',
    name: '审计前村妇联',
  });
  expect(created.statusCode).toBe(201);
  const renamed = await call(t.app, town, 'PATCH', `${unitsUrl}/${created.json().id}`, {
    name: '审计后村妇联',
    version: 1,
  });
  expect(renamed.statusCode).toBe(200);
  unit = renamed.json();
});
afterAll(() => t.close());

describe('reading the audit log', () => {
  it('the town chair sees the village she created and renamed, with the old and new name', async () => {
    const { items, total } = await list(town, `entityId=${unit.id}`);
    expect(total).toBe(2);
    const [rename, create] = items;
    expect(create).toMatchObject({
      module: 'org',
      action: 'create',
      actorUserId: org.userIds.townA,
      actorName: 'townA用户',
      entityType: 'orgUnit',
      entityId: unit.id,
      orgUnitId: unit.id,
      before: null,
      after: expect.objectContaining({ name: '审计前村妇联', version: 1 }),
    });
    expect(rename).toMatchObject({
      module: 'org',
      action: 'update',
      entityLabel: '审计后村妇联',
      before: expect.objectContaining({ name: '审计前村妇联', version: 1 }),
      after: expect.objectContaining({ name: '审计后村妇联', version: 2 }),
    });
    expect(rename.ip).toBe('127.0.0.1');
    expect(Date.parse(rename.at)).toBeGreaterThanOrEqual(Date.parse(create.at));
  });

  it('filters by module and by action', async () => {
    const orgRows = await list(town, 'module=org&pageSize=200');
    expect(orgRows.total).toBe(2);
    expect(orgRows.items.every((r) => r.module === 'org')).toBe(true);
    const logins = await list(town, 'module=auth&action=login&pageSize=200');
    expect(logins.total).toBeGreaterThanOrEqual(2);
    expect(logins.items.every((r) => r.module === 'auth' && r.action === 'login')).toBe(true);
    const updates = await list(town, 'action=update&pageSize=200');
    expect(updates.items.map((r) => r.entityId)).toEqual([unit.id]);
  });

  it('filters by who acted', async () => {
    const byVillage = await list(town, `actorUserId=${org.userIds.villageA1}&pageSize=200`);
    expect(byVillage.total).toBeGreaterThanOrEqual(1);
    expect(byVillage.items.every((r) => r.actorUserId === org.userIds.villageA1)).toBe(true);
    expect(byVillage.items.map((r) => r.action)).toContain('login');
    const byTown = await list(town, `actorUserId=${org.userIds.townA}&module=org&pageSize=200`);
    expect(byTown.items.map((r) => r.action)).toEqual(['update', 'create']);
  });

  it('filters by Asia/Shanghai calendar days: today finds today’s rows, yesterday finds none of them', async () => {
    const { items } = await list(town, `entityId=${unit.id}`);
    const today = shanghaiDay(new Date(items[0].at));
    const yesterday = shanghaiDay(new Date(Date.parse(items[0].at) - 86_400_000));
    expect((await list(town, `entityId=${unit.id}&from=${today}&to=${today}`)).total).toBe(2);
    expect((await list(town, `entityId=${unit.id}&from=${yesterday}`)).total).toBe(2);
    expect((await list(town, `entityId=${unit.id}&to=${yesterday}`)).total).toBe(0);
    expect((await list(town, `entityId=${unit.id}&from=${yesterday}&to=${yesterday}`)).total).toBe(0);
  });

  it('a day boundary is Shanghai midnight, not UTC midnight', async () => {
    // 00:30 on 2 Jan 2026 in Shanghai is still 1 Jan in UTC; 23:30 on 2 Jan in Shanghai is 15:30 UTC.
    const entity = 'boundary-test-entity';
    for (const at of ['2026-01-01T16:30:00Z', '2026-01-02T15:30:00Z', '2026-01-02T16:30:00Z']) {
      await t.db.$client.query(
        `insert into audit_log (at, module, action, entity_id, org_unit_id, org_path)
         values ($1, 'system', 'probe', $2, $3, $4)`,
        [at, entity, org.units.townA.id, org.units.townA.path],
      );
    }
    const on2nd = await list(town, `entityId=${entity}&from=2026-01-02&to=2026-01-02`);
    expect(on2nd.items.map((r) => new Date(r.at).toISOString()).sort()).toEqual([
      '2026-01-01T16:30:00.000Z',
      '2026-01-02T15:30:00.000Z',
    ]);
    expect((await list(town, `entityId=${entity}&to=2026-01-01`)).total).toBe(0);
    expect((await list(town, `entityId=${entity}&from=2026-01-03`)).total).toBe(1);
  });

  it('a town sees only rows of her own subtree, none of another town’s; a village keeps no log', async () => {
    const townB = await login(t.app, 'townB');
    const { items, total } = await list(townB, 'pageSize=200');
    expect(total).toBeGreaterThanOrEqual(1);
    expect(items.every((r) => r.orgUnitId === org.units.townB.id)).toBe(true);
    expect(items.map((r) => r.actorUserId)).not.toContain(org.userIds.townA);
    expect((await list(townB, `entityId=${unit.id}`)).total).toBe(0);
    const widened = await call(t.app, townB, 'GET', `${auditUrl}?orgUnitId=${org.units.townA.id}`);
    expect(widened.statusCode).toBe(404);
    // The log of a village's work is kept by her town (permissionsOf): she is told so, not shown nothing.
    const refused = await call(t.app, village, 'GET', auditUrl);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('无权操作');
  });

  it('a viewer has no audit.read and is refused', async () => {
    const viewer = await login(t.app, 'viewerA');
    const res = await call(t.app, viewer, 'GET', auditUrl);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const exported = await call(t.app, viewer, 'GET', `${auditUrl}/export`);
    expect(exported.statusCode).toBe(403);
  });

  it('refuses an unknown module and a malformed date', async () => {
    const badModule = await call(t.app, town, 'GET', `${auditUrl}?module=payroll`);
    expect(badModule.statusCode).toBe(400);
    const badDate = await call(t.app, town, 'GET', `${auditUrl}?from=2026-13-01`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0].field).toBe('from');
  });
});

describe('exporting the audit log', () => {
  it('downloads an .xlsx with Chinese headers, one row per filtered entry, and the export is itself audited', async () => {
    const filtered = await list(town, 'module=org&pageSize=200');
    const exportsBefore = await list(town, 'module=audit&action=export');
    const res = await call(t.app, town, 'GET', `${auditUrl}/export?module=org`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''/);
    const encoded = disposition.split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toMatch(/^操作日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(res.headers['cache-control']).toBe('no-store');

    const sheet = await sheetOf(res.rawPayload);
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '时间',
      '操作人',
      'IP地址',
      '模块',
      '操作',
      '对象',
      '对象编号',
      '修改前',
      '修改后',
    ]);
    expect(sheet.rowCount - 1).toBe(filtered.total);
    const body = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(body.map((r) => r[4])).toEqual(['修改', '新增']);
    expect(body.every((r) => r[3] === '组织架构' && r[1] === 'townA用户' && r[6] === unit.id)).toBe(true);
    expect(JSON.parse(String(body[0][7]))).toMatchObject({ name: '审计前村妇联' });
    expect(JSON.parse(String(body[0][8]))).toMatchObject({ name: '审计后村妇联' });

    const exportsAfter = await list(town, 'module=audit&action=export');
    expect(exportsAfter.total).toBe(exportsBefore.total + 1);
    expect(exportsAfter.items[0]).toMatchObject({
      actorUserId: org.userIds.townA,
      action: 'export',
      after: expect.objectContaining({ module: 'org' }),
    });
  });

  it('an export is scoped like the list: another town’s file holds none of this town’s rows', async () => {
    const res = await call(t.app, await login(t.app, 'townB'), 'GET', `${auditUrl}/export?module=org`);
    expect(res.statusCode).toBe(200);
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet?.rowCount).toBe(1);
    expect(res.rawPayload.includes(Buffer.from(unit.id))).toBe(false);
  });
});

describe('the audit log cannot be bent', () => {
  it('a refused write (duplicate org name) leaves no audit row behind', async () => {
    const before = await auditRowCount();
    const res = await call(t.app, town, 'POST', unitsUrl, {
      parentId: org.units.townA.id,
      kind: 'village',
      name: '审计后村妇联',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE');
    expect(await auditRowCount()).toBe(before);
  });

  it('the app’s database role may only add and read audit rows: no update, delete, truncate, ALTER or trigger switch', async () => {
    const before = await auditRowCount();
    expect(before).toBeGreaterThan(0);
    const { rows: who } = await t.db.$client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'select rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(who[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const denied = /permission denied|must be owner/;
    for (const statement of [
      "update audit_log set action = 'x'",
      'delete from audit_log',
      'truncate audit_log',
      'alter table audit_log disable trigger all',
      'alter table audit_log disable trigger audit_log_append_only',
      'drop trigger audit_log_chain on audit_log',
      "set session_replication_role = 'replica'",
      "update audit_chain_head set last_hash = 'x'",
      "insert into audit_chain_head values (false, 0, 'x')",
      'alter table audit_chain_head disable trigger all',
    ])
      await expect(t.db.$client.query(statement), statement).rejects.toThrow(denied);
    expect(await auditRowCount()).toBe(before);
  });

  it('even the owner is refused changes by the append-only trigger (until it switches the trigger off)', async () => {
    const before = await auditRowCount();
    await expect(t.ownerQuery("update audit_log set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.ownerQuery('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(t.ownerQuery('truncate audit_log')).rejects.toThrow(/append-only/);
    expect(await auditRowCount()).toBe(before);
    const { rows } = await t.db.$client.query("select count(*)::int as n from audit_log where action = 'x'");
    expect(rows[0].n).toBe(0);
  });
});
