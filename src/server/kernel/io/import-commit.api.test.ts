import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharOf } from '../../../contracts/common/id-number';
import { sites } from '../../modules/org/org-ledgers.table';
import { type PersonRule, personMatcher, rowPersons } from '../../modules/people/person-matcher';
import { call, createTestApp, login, seedOrg } from '../../test/test-app';
import { auditLog } from '../audit/audit.table';
import type { Tx } from '../db/connection';
import { uuidv7 } from '../db/ids';
import { createFieldCrypto } from '../privacy/field-crypto';
import type { ServiceContext } from '../service-context';
import { ImportPlan, importWriter, RowIssues } from './import-commit';
import { ImportRowsError, type ParsedRow } from './ledger-io';
import { rowUnits, unitColumn } from './unit-names';

const fieldKey = randomBytes(32).toString('base64');
let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let ctx: ServiceContext;
const first17 = '33010219800101003';
const idA = first17 + checkCharOf(first17);

/** The helpers take the import's transaction. */
const inTx = <T>(f: (tx: Tx) => Promise<T>) => t.db.transaction(f);

const row = (rowNumber: number, values: Record<string, unknown> = {}): ParsedRow => ({
  rowNumber,
  values,
  raw: [],
});

beforeAll(async () => {
  t = await createTestApp({
    secrets: {
      sessionKey: randomBytes(32).toString('base64'),
      fieldKey,
      pgPassword: 'x',
      appDbPassword: 'x',
    },
  });
  org = await seedOrg(t.db);
  const town = await login(t.app, 'townA');
  // Two 陈丽华 in 甲一村 (ambiguous by name), 郑秀兰 with an ID number, 韩玉梅 in 甲二村.
  const register = (name: string, unit: 'villageA1' | 'villageA2', idNumber?: string) =>
    call(t.app, town, 'POST', '/api/v1/people/persons', { name, idNumber, orgUnitId: org.units[unit].id });
  const created = [
    await register('郑秀兰', 'villageA1', idA),
    await register('陈丽华', 'villageA1'),
    await register('陈丽华', 'villageA1'),
    await register('韩玉梅', 'villageA2'),
  ];
  expect(created.map((res) => res.statusCode)).toEqual([201, 201, 201, 201]);
  ctx = {
    db: t.db,
    crypto: createFieldCrypto(fieldKey),
    actor: {
      userId: org.userIds.townA,
      username: 'townA',
      displayName: 'townA用户',
      role: 'federationAdmin',
      orgUnitId: org.units.townA.id,
      orgPath: org.units.townA.path,
      permissions: new Set(),
      ip: '127.0.0.1',
    },
  };
});
afterAll(() => t.close());

const rule: PersonRule = {
  column: '姓名',
  nameWithin: 'subtree',
  notFound: '找不到',
  ambiguous: (n) => `有${n}个同名`,
};

describe('personMatcher', () => {
  it('finds a named person inside the row unit, reporting unknown and ambiguous names', async () => {
    const named = [{ name: '郑秀兰' }, { name: '陈丽华' }, { name: '韩玉梅' }, { name: '无此人' }];
    const people = await inTx((tx) => personMatcher(tx, ctx, named));
    const a1 = org.units.villageA1;
    const issues = new RowIssues();
    expect(people.resolve(row(2), issues, named[0], a1, rule)?.name).toBe('郑秀兰');
    expect(people.resolve(row(3), issues, named[1], a1, rule)).toBeUndefined();
    expect(people.resolve(row(4), issues, named[2], a1, rule)).toBeUndefined();
    expect(people.resolve(row(5), issues, named[3], a1, rule)).toBeUndefined();
    // A town's subtree holds the villages' people; the unit itself does not.
    expect(people.matches(named[2], org.units.townA, { nameWithin: 'subtree' })).toHaveLength(1);
    expect(people.matches(named[2], org.units.townA, { nameWithin: 'unit' })).toHaveLength(0);
    expect(issues.list).toEqual([
      { row: 3, column: '姓名', value: '陈丽华', message: '有2个同名' },
      { row: 4, column: '姓名', value: '韩玉梅', message: '找不到' },
      { row: 5, column: '姓名', value: '无此人', message: '找不到' },
    ]);
  });

  it('finds by ID number below the unit or anywhere in scope, and can refuse another name', async () => {
    const named = [
      { name: '郑秀兰', idNumber: idA },
      { name: '别名', idNumber: idA },
    ];
    const people = await inTx((tx) => personMatcher(tx, ctx, named));
    const a2 = org.units.villageA2;
    expect(people.matches(named[0], a2, { nameWithin: 'subtree', idWithin: 'subtree' })).toHaveLength(0);
    expect(people.matches(named[0], a2, { nameWithin: 'subtree', idWithin: 'scope' })).toHaveLength(1);
    const issues = new RowIssues();
    const byId = { ...rule, idWithin: 'scope' as const, nameMismatch: (n: string) => `登记为${n}` };
    expect(people.resolve(row(2), issues, named[0], a2, byId)?.name).toBe('郑秀兰');
    expect(people.resolve(row(3), issues, named[1], a2, byId)).toBeUndefined();
    expect(issues.list).toEqual([{ row: 3, column: '姓名', value: '别名', message: '登记为郑秀兰' }]);
  });

  it('sees no one outside the caller scope, and asks nothing for an empty sheet', async () => {
    const village = { ...ctx, actor: { ...ctx.actor, orgPath: org.units.villageA2.path } };
    const people = await inTx((tx) => personMatcher(tx, village, [{ name: '郑秀兰' }, { name: '韩玉梅' }]));
    expect(people.candidates.map((c) => c.name)).toEqual(['韩玉梅']);
    expect((await inTx((tx) => personMatcher(tx, ctx, []))).candidates).toEqual([]);
  });
});

describe('rowPersons', () => {
  it('gives each roster row its unit and person, or refuses the roster with every problem', async () => {
    const col = unitColumn('所属组织', []);
    const opts = { defaultOrgUnitId: org.units.villageA1.id };
    const resolved = await inTx((tx) =>
      rowPersons(
        tx,
        ctx,
        [row(2, { name: '郑秀兰' }), row(3, { name: '韩玉梅', orgUnit: '甲二村' })],
        opts,
        new RowIssues(),
        col,
        (v: { name: string }) => v,
        rule,
      ),
    );
    expect(resolved.map((x) => [x.r.rowNumber, x.unit.name, x.v])).toEqual([
      [2, '甲一村妇联', { name: '郑秀兰' }],
      [3, '甲二村妇联', { name: '韩玉梅', orgUnit: '甲二村' }],
    ]);
    const issues = new RowIssues();
    await expect(
      inTx((tx) =>
        rowPersons(
          tx,
          ctx,
          [row(2, { name: '韩玉梅' }), row(3, { name: '郑秀兰', orgUnit: '无此村' })],
          opts,
          issues,
          col,
          (v: { name: string }) => v,
          rule,
        ),
      ),
    ).rejects.toThrow(ImportRowsError);
    expect(issues.list.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, '姓名', '找不到'],
      [3, '所属组织', '在您管辖的组织中找不到该村（社区），请核对名称'],
    ]);
  });
});

describe('rowUnits', () => {
  it('resolves names and the default unit, noting problems under the unit column', async () => {
    const col = unitColumn('所属组织', []);
    const issues = new RowIssues();
    const units = await inTx((tx) =>
      rowUnits(tx, ctx.actor, { defaultOrgUnitId: org.units.villageA2.id }, issues, col),
    );
    const rows = [row(2, { orgUnit: '甲一村' }), row(3, {}), row(4, { orgUnit: '乙一村' })];
    expect(units.idsOf(rows)).toEqual([org.units.villageA1.id, org.units.villageA2.id]);
    expect(units.check(rows[0])?.id).toBe(org.units.villageA1.id);
    expect(units.check(rows[1])?.id).toBe(org.units.villageA2.id);
    expect(() => units.all(rows)).toThrow(ImportRowsError);
    expect(issues.list.at(-1)).toEqual({
      row: 4,
      column: '所属组织',
      value: '乙一村',
      message: '在您管辖的组织中找不到该村（社区），请核对名称',
    });
  });
});

describe('importWriter', () => {
  it('inserts in bulk and updates with the version bumped, each with its audit row (hidden fields left out)', async () => {
    const unit = org.units.villageA1;
    const id = uuidv7();
    const progress: number[] = [];
    await t.db.transaction(async (tx) => {
      const writer = importWriter(tx, ctx, 'org', 'site');
      await writer.insert(
        sites,
        [{ id, orgUnitId: unit.id, orgPath: unit.path, kind: 'womenHome', name: '试点之家', note: null }],
        (s) => ({ label: s.name, after: { name: s.name } }),
        async (done) => {
          progress.push(done);
        },
      );
    });
    expect(progress).toEqual([1]);
    const [saved] = await t.db.select().from(sites).where(eq(sites.id, id));
    const plan = new ImportPlan<typeof saved, never>();
    plan.compare(saved, { note: '新备注', address: '村口', openedOn: null, kind: saved.kind });
    expect(plan.counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    await t.db.transaction(async (tx) => {
      await importWriter(tx, ctx, 'org', 'site').update(sites, plan.updates, (s) => s.name, ['address']);
    });
    const [after] = await t.db.select().from(sites).where(eq(sites.id, id));
    expect([after.note, after.address]).toEqual(['新备注', '村口']);
    expect(after.version).toBe(saved.version + 1);
    expect(after.updatedBy).toBe(ctx.actor.userId);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
    expect(
      audits.map((a) => [a.module, a.entityType, a.action, a.entityLabel, a.orgPath, a.before, a.after]),
    ).toEqual([
      ['org', 'site', 'create', '试点之家', unit.path, null, { name: '试点之家', source: 'import' }],
      ['org', 'site', 'update', '试点之家', unit.path, { note: null }, { note: '新备注', source: 'import' }],
    ]);
  });
});
