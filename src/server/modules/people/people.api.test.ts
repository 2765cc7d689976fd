import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../contracts/audit';
import { checkCharOf, maskIdNumber } from '../../../contracts/common/id-number';
import type { Household, Person } from '../../../contracts/people';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let viewer: Session;
let household: Household;
let person: Person;

const personsUrl = '/api/v1/people/persons';
const householdsUrl = '/api/v1/people/households';

/** A valid fictional ID number from its first 17 digits (GB 11643 check character appended). */
const idOf = (first17: string) => `${first17}${checkCharOf(first17)}`;

const ID = idOf('33010219850612002');
const PHONE = '13812341234';

type PersonList = { items: Person[]; total: number };

const search = async (q: string, extra = ''): Promise<PersonList> => {
  const res = await call(t.app, town, 'GET', `${personsUrl}?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const auditRows = async (entityId: string, action: string) =>
  (
    await t.db.$client.query<{ actor_user_id: string; entity_label: string }>(
      'select actor_user_id, entity_label from audit_log where entity_id = $1 and action = $2',
      [entityId, action],
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  viewer = await login(t.app, 'viewerA');
});
afterAll(() => t.close());

describe('registering a woman in a village household', () => {
  it('the town chair creates a household in 甲一村', async () => {
    const res = await call(t.app, town, 'POST', householdsUrl, {
      orgUnitId: org.units.villageA1.id,
      address: '甲一村东岭路',
      houseNumber: '8号',
    });
    expect(res.statusCode, res.body).toBe(201);
    household = res.json();
    expect(household).toMatchObject({
      orgUnitId: org.units.villageA1.id,
      orgUnitName: '甲一村妇联',
      address: '甲一村东岭路',
      houseNumber: '8号',
      memberCount: 0,
      headName: null,
      version: 1,
    });
  });

  it('then registers 张秀华 with her ID number: the answer shows only the masked number', async () => {
    const res = await call(t.app, town, 'POST', personsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '张秀华',
      idNumber: ID,
      phone: '138-1234-1234',
      householdId: household.id,
      relationToHead: 'head',
      tags: ['留守妇女'],
    });
    expect(res.statusCode, res.body).toBe(201);
    person = res.json();
    expect(person.idNumberMasked).toBe(`3301**********${ID.slice(-4)}`);
    expect(person.phoneMasked).toBe('138****1234');
    expect(res.body).not.toContain(ID);
    expect(res.body).not.toContain(PHONE);
    expect(res.body.toLowerCase()).not.toContain('cipher');
    expect(res.body.toLowerCase()).not.toContain('index');
    expect(person).toMatchObject({
      name: '张秀华',
      orgUnitName: '甲一村妇联',
      householdId: household.id,
      householdLabel: '甲一村东岭路 8号',
      tags: ['留守妇女'],
      version: 1,
      deletedAt: null,
    });
  });

  it('her birth date and gender come from the ID number', () => {
    expect(person.birthDate).toBe('1985-06-12');
    expect(person.gender).toBe('female');
  });

  it('the stored record holds the ID number only encrypted', async () => {
    const { rows } = await t.db.$client.query('select * from persons where id = $1', [person.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(ID);
    expect(JSON.stringify(rows[0])).not.toContain(PHONE);
    expect(rows[0].id_number_cipher).toEqual(expect.any(String));
  });

  it('registering the same ID number again is refused, pointing to the existing record', async () => {
    const res = await call(t.app, town, 'POST', personsUrl, {
      orgUnitId: org.units.villageA2.id,
      name: '张秀花',
      idNumber: ID,
    });
    expect(res.statusCode, res.body).toBe(409);
    const { error } = res.json();
    expect(error.code).toBe('DUPLICATE');
    expect(error.message).toContain('张秀华');
    expect(error.details[0]).toMatchObject({ field: 'idNumber', value: person.id });
  });

  it('the same ID number from another town is refused without saying another unit holds it', async () => {
    const other = await login(t.app, 'townB');
    const res = await call(t.app, other, 'POST', personsUrl, {
      orgUnitId: org.units.villageB1.id,
      name: '张秀花',
      idNumber: ID,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toEqual({
      code: 'DUPLICATE',
      message: '该身份证号码无法登记，请联系县妇联核实',
      details: [{ field: 'idNumber', message: '该身份证号码无法登记，请联系县妇联核实' }],
    });
    for (const leak of ['其他', '张秀华', person.id, org.units.villageA1.id])
      expect(res.body).not.toContain(leak);
  });

  it('an ID number with a wrong check digit is refused on the idNumber field', async () => {
    const wrong = `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`;
    const res = await call(t.app, town, 'POST', personsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '李秀兰',
      idNumber: wrong,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details[0].field).toBe('idNumber');
    expect(res.json().error.details[0].message).toContain('校验位');
  });

  it('a birth date that contradicts the ID number is refused on the birthDate field', async () => {
    const res = await call(t.app, town, 'POST', personsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '李秀兰',
      idNumber: idOf('33010219900101004'),
      birthDate: '1990-01-02',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details[0].field).toBe('birthDate');
    expect(res.json().error.details[0].message).toContain('1990-01-01');
  });

  it('an old 15-digit ID number is converted to 18 digits', async () => {
    const res = await call(t.app, town, 'POST', personsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '王桂英',
      idNumber: '330102850613004',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created: Person = res.json();
    expect(created.idNumberMasked).toHaveLength(18);
    expect(created.idNumberMasked).toBe(`3301**********${idOf('33010219850613004').slice(-4)}`);
    expect(created.birthDate).toBe('1985-06-13');
  });

  it('a viewer cannot register anyone', async () => {
    const before = Number((await t.db.$client.query('select count(*) from persons')).rows[0].count);
    const res = await call(t.app, viewer, 'POST', personsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '赵美兰',
    });
    expect(res.statusCode, res.body).toBe(403);
    const after = Number((await t.db.$client.query('select count(*) from persons')).rows[0].count);
    expect(after).toBe(before);
  });
});

describe('finding her again', () => {
  it.each([
    ['a fragment of her name', '秀华'],
    ['her full pinyin', 'zhangxiuhua'],
    ['her pinyin typed with capitals and spaces', 'Zhang Xiuhua'],
    ['her pinyin initials', 'zxh'],
    ['her whole ID number', ID],
  ])('by %s', async (_label, q) => {
    const { items } = await search(q);
    expect(items.map((p) => p.id)).toContain(person.id);
    expect(items.every((p) => p.id === person.id || p.name !== '张秀华')).toBe(true);
  });

  it('a search that matches nobody returns nothing', async () => {
    const { items, total } = await search('zzz');
    expect(items).toEqual([]);
    expect(total).toBe(0);
  });

  it('the list shows her phone masked', async () => {
    const { items } = await search('张秀华');
    const found = items.find((p) => p.id === person.id);
    expect(found?.phoneMasked).toBe('138****1234');
    expect(JSON.stringify(items)).not.toContain(PHONE);
    expect(JSON.stringify(items)).not.toContain(ID);
  });
});

describe('seeing the full ID number', () => {
  it('without a reason nothing is revealed or audited', async () => {
    for (const body of [undefined, {}, { reason: ' ' }]) {
      const res = await call(t.app, town, 'POST', `${personsUrl}/${person.id}/sensitive`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.body).not.toContain(ID);
    }
    const res = await call(t.app, town, 'POST', `${personsUrl}/${person.id}/sensitive`, { reason: ' ' });
    expect(res.json().error.details[0]).toMatchObject({
      field: 'reason',
      message: '请填写查看原因（至少2个字）',
    });
    expect(await auditRows(person.id, 'viewSensitive')).toHaveLength(0);
  });

  it('the town chair may reveal it giving a reason, and the view is audited with the reason', async () => {
    const res = await call(t.app, town, 'POST', `${personsUrl}/${person.id}/sensitive`, {
      reason: `核实低保申请，回电 ${PHONE}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ idNumber: ID, phone: PHONE });
    const rows = await auditRows(person.id, 'viewSensitive');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: org.userIds.townA, entity_label: '张秀华' });
    const { rows: after } = await t.db.$client.query(
      "select after from audit_log where entity_id = $1 and action = 'viewSensitive'",
      [person.id],
    );
    expect(after[0].after).toEqual({ reason: '核实低保申请，回电 138****1234' });
  });

  it('an unmasked export records how many people it holds and why', async () => {
    const res = await call(
      t.app,
      town,
      'GET',
      `${personsUrl}/export?unmask=1&reason=${encodeURIComponent('入户核对')}&q=${ID}`,
    );
    expect(res.statusCode).toBe(200);
    const { rows } = await t.db.$client.query(
      "select after from audit_log where action = 'export' and entity_type = 'persons' order by id desc limit 1",
    );
    expect(rows[0].after).toEqual({
      ledger: 'persons',
      filters: expect.objectContaining({ q: maskIdNumber(ID), unmask: '1' }),
      unmasked: true,
      rows: 1,
      reason: '入户核对',
    });
  });

  it('a viewer may not, and nothing is revealed or audited', async () => {
    const res = await call(t.app, viewer, 'POST', `${personsUrl}/${person.id}/sensitive`, {
      reason: '想看看',
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.body).not.toContain(ID);
    expect(await auditRows(person.id, 'viewSensitive')).toHaveLength(1);
  });
});

describe('editing, deleting and restoring', () => {
  it('an edit with a stale version is refused as a conflict', async () => {
    const ok = await call(t.app, town, 'PATCH', `${personsUrl}/${person.id}`, {
      note: '热心参与巾帼志愿服务',
      version: person.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ note: '热心参与巾帼志愿服务', version: person.version + 1 });
    const stale = await call(t.app, town, 'PATCH', `${personsUrl}/${person.id}`, {
      note: '旧页面上的修改',
      version: person.version,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    person = ok.json();
    const reread = await call(t.app, town, 'GET', `${personsUrl}/${person.id}`);
    expect(reread.json().note).toBe('热心参与巾帼志愿服务');
  });

  it('a deleted person leaves the list but is found among the deleted, and can be restored', async () => {
    const del = await call(t.app, town, 'DELETE', `${personsUrl}/${person.id}?version=${person.version}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().deletedAt).toEqual(expect.any(String));
    expect((await search('张秀华')).items.map((p) => p.id)).not.toContain(person.id);
    const deleted = await search('张秀华', '&status=deleted');
    expect(deleted.items.map((p) => p.id)).toEqual([person.id]);

    const restored = await call(t.app, town, 'POST', `${personsUrl}/${person.id}/restore`, {
      version: del.json().version,
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    person = restored.json();
    expect((await search('张秀华')).items.map((p) => p.id)).toContain(person.id);
    expect((await search('张秀华', '&status=deleted')).items).toEqual([]);
  });

  it('her history lists create, the sensitive view, update, delete and restore, newest first', async () => {
    const res = await call(t.app, town, 'GET', `${personsUrl}/${person.id}/history`);
    expect(res.statusCode, res.body).toBe(200);
    const items: AuditEntry[] = res.json().items;
    expect(items.map((i) => i.action)).toEqual(['restore', 'delete', 'update', 'viewSensitive', 'create']);
    const update = items[2];
    expect(update.before).toMatchObject({ note: null });
    expect(update.after).toMatchObject({ note: '热心参与巾帼志愿服务' });
    expect(res.body).not.toContain(ID);
    expect(res.body).not.toContain(PHONE);
  });

  it('a viewer reads her history but cannot delete her', async () => {
    const history = await call(t.app, viewer, 'GET', `${personsUrl}/${person.id}/history`);
    expect(history.statusCode).toBe(200);
    const del = await call(t.app, viewer, 'DELETE', `${personsUrl}/${person.id}?version=${person.version}`);
    expect(del.statusCode).toBe(403);
  });
});

describe('households', () => {
  it('shows its member count and, once set, the head by name', async () => {
    const before = await call(t.app, town, 'GET', `${householdsUrl}/${household.id}`);
    expect(before.json()).toMatchObject({ memberCount: 1, headName: null });
    const res = await call(t.app, town, 'PATCH', `${householdsUrl}/${household.id}`, {
      headPersonId: person.id,
      version: before.json().version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ memberCount: 1, headName: '张秀华', headPersonId: person.id });
    household = res.json();
    const { items } = (
      await call(t.app, town, 'GET', `${householdsUrl}?q=${encodeURIComponent('东岭路')}`)
    ).json();
    expect(items).toEqual([
      expect.objectContaining({ id: household.id, memberCount: 1, headName: '张秀华' }),
    ]);
  });

  it('a household with members cannot be deleted', async () => {
    const res = await call(
      t.app,
      town,
      'DELETE',
      `${householdsUrl}/${household.id}?version=${household.version}`,
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(res.json().error.message).toContain('1名成员');
    const still = await call(t.app, town, 'GET', `${householdsUrl}/${household.id}`);
    expect(still.json().deletedAt).toBeNull();
  });

  it('a person of 甲一村 cannot join a household of 甲二村', async () => {
    const other = await call(t.app, town, 'POST', householdsUrl, {
      orgUnitId: org.units.villageA2.id,
      address: '甲二村西岭路',
    });
    expect(other.statusCode, other.body).toBe(201);
    const res = await call(t.app, town, 'POST', personsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '陈玉珍',
      householdId: other.json().id,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details[0].field).toBe('householdId');
    const moved = await call(t.app, town, 'PATCH', `${personsUrl}/${person.id}`, {
      householdId: other.json().id,
      version: person.version,
    });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(moved.json().error.details[0].field).toBe('householdId');
  });

  it('an empty household can be deleted', async () => {
    const empty = await call(t.app, town, 'POST', householdsUrl, {
      orgUnitId: org.units.villageA1.id,
      address: '甲一村空置院',
    });
    expect(empty.statusCode, empty.body).toBe(201);
    const res = await call(t.app, town, 'DELETE', `${householdsUrl}/${empty.json().id}?version=1`);
    expect(res.statusCode, res.body).toBe(200);
    const gone = await call(t.app, town, 'GET', `${householdsUrl}?q=${encodeURIComponent('空置院')}`);
    expect(gone.json().items).toEqual([]);
  });
});
