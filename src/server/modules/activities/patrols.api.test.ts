import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../kernel/db/ids';
import { call, createTestApp, login, multipartOf, type Session, seedOrg } from '../../test/test-app';
import { shanghaiToday } from './activities.service';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let village: Session;
let villageA2: Session;
const chief: Record<string, string> = {};
let teamId: string;
let otherTeamId: string;
const url = '/api/v1/activities/patrols';
// Last year: every date used here is safely in the past, whatever day the suite runs.
const year = String(Number(shanghaiToday().slice(0, 4)) - 1);

const record = (s: Session, body: Record<string, unknown>) => call(t.app, s, 'POST', url, body);
const patrolCount = async () =>
  Number((await t.db.$client.query('select count(*) from patrols')).rows[0].count);

const person = async (s: Session, unit: string, name: string) => {
  const res = await call(t.app, s, 'POST', '/api/v1/people/persons', { orgUnitId: org.units[unit].id, name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  const county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
  villageA2 = await login(t.app, 'villageA2');
  chief.wang = await person(village, 'villageA1', '王秀英');
  chief.li = await person(village, 'villageA1', '李春花');
  chief.zhang = await person(villageA2, 'villageA2', '张桂兰');
  chief.zhao = await person(county, 'villageB1', '赵红梅');
  const team = await call(t.app, village, 'POST', '/api/v1/people/volunteer-teams', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村巾帼林长队',
    kind: 'forestTeam',
  });
  teamId = team.json().id;
  const other = await call(t.app, villageA2, 'POST', '/api/v1/people/volunteer-teams', {
    orgUnitId: org.units.villageA2.id,
    name: '甲二村巾帼林长队',
    kind: 'forestTeam',
  });
  otherTeamId = other.json().id;
});
afterAll(() => t.close());

const base = () => ({
  orgUnitId: org.units.villageA1.id,
  occurredOn: `${year}-01-10`,
  area: '后山至水库林区',
  chiefIds: [chief.wang],
});

describe('forest-fire patrols', () => {
  it('a village records a patrol by two chiefs of her team, with the names in order and an audit row', async () => {
    const res = await record(village, {
      ...base(),
      chiefIds: [chief.li, chief.wang],
      teamId,
      durationMinutes: 120,
      hazardsFound: 2,
      hazardNote: '坟头祭祀烧纸两处',
      actionTaken: '现场劝导并清理',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      orgUnitName: '甲一村妇联',
      chiefNames: ['李春花', '王秀英'],
      teamId,
      hazardsFound: 2,
      version: 1,
      deletedAt: null,
    });
    const { rows } = await t.db.$client.query(
      `select module, action from audit_log where entity_type = 'patrol' and entity_id = $1`,
      [res.json().id],
    );
    expect(rows).toEqual([{ module: 'activities', action: 'create' }]);
  });

  it('refuses a future date, hazards without a note, chiefs of another town and a team of another village', async () => {
    const future = await record(village, { ...base(), occurredOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({
      message: '巡查日期不能晚于今天（台账记录已开展的巡查）',
      details: [{ field: 'occurredOn' }],
    });
    const noNote = await record(village, { ...base(), hazardsFound: 1 });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details[0].field).toBe('hazardNote');
    const otherTown = await record(town, { ...base(), chiefIds: [chief.wang, chief.zhao] });
    expect(otherTown.statusCode).toBe(404);
    const otherVillage = await record(village, { ...base(), chiefIds: [chief.zhang] });
    expect(otherVillage.statusCode).toBe(404);
    expect((await record(village, { ...base(), teamId: otherTeamId })).statusCode).toBe(404);
    const foreignUnit = await record(villageA2, { ...base(), chiefIds: [chief.zhang] });
    expect(foreignUnit.statusCode).toBe(404);
  });

  it('a retry with the same client id answers the saved patrol (no duplicate); other content is a conflict', async () => {
    const id = uuidv7();
    const body = { ...base(), id, occurredOn: `${year}-02-03`, area: '东坡防火通道' };
    expect((await record(village, body)).statusCode).toBe(201);
    const again = await record(village, { ...body, chiefIds: [chief.wang, chief.wang] });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id, version: 1 });
    const { rows } = await t.db.$client.query('select count(*)::int as n from patrols where id = $1', [id]);
    expect(rows[0].n).toBe(1);
    expect((await record(village, { ...body, area: '别的路线' })).statusCode).toBe(409);
    // The same id from a sibling village: a conflict, never her record.
    const sibling = await record(villageA2, {
      ...body,
      orgUnitId: org.units.villageA2.id,
      chiefIds: [chief.zhang],
    });
    expect(sibling.statusCode).toBe(409);
    expect(sibling.body).not.toContain('东坡防火通道');
  });

  it('a batch is all or nothing: every bad item is named, and nothing is written', async () => {
    const before = await patrolCount();
    const items = [0, 1, 2, 3, 4].map((n) => ({
      ...base(),
      occurredOn: `${year}-03-0${n + 1}`,
      area: `第${n}号巡查路线`,
    }));
    items[1].occurredOn = '2999-03-01';
    items[3].chiefIds = [chief.wang, chief.zhao];
    const res = await call(t.app, town, 'POST', `${url}/batch`, {
      items: [...items.slice(0, 4), { ...items[4], hazardsFound: 3 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['items.4.hazardNote']);
    const res2 = await call(t.app, town, 'POST', `${url}/batch`, { items });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'items.1.occurredOn',
      'items.3.chiefIds',
    ]);
    expect(res2.json().error.message).toBe('有2条巡查记录填写有误，请按提示修改后再提交');
    expect(await patrolCount()).toBe(before);
    const outside = await call(t.app, villageA2, 'POST', `${url}/batch`, {
      items: [{ ...base(), orgUnitId: org.units.villageA2.id, chiefIds: [chief.zhang] }, base()],
    });
    expect(outside.statusCode).toBe(404);
    expect(await patrolCount()).toBe(before);
  });

  it('a good batch writes every patrol with its audit row; sent again, it writes nothing more', async () => {
    const before = await patrolCount();
    const items = [1, 2, 3].map((d) => ({
      ...base(),
      id: uuidv7(),
      orgUnitId: d === 3 ? org.units.villageA2.id : org.units.villageA1.id,
      chiefIds: d === 3 ? [chief.zhang] : [chief.wang, chief.li],
      occurredOn: `${year}-04-0${d}`,
      area: `周巡查第${d}天`,
      hazardsFound: d === 2 ? 1 : 0,
      ...(d === 2 ? { hazardNote: '林下堆放柴草' } : {}),
    }));
    const res = await call(t.app, town, 'POST', `${url}/batch`, { items });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toBe(3);
    expect(res.json().items.map((p: { id: string; chiefNames: string[] }) => [p.id, p.chiefNames])).toEqual([
      [items[0].id, ['王秀英', '李春花']],
      [items[1].id, ['王秀英', '李春花']],
      [items[2].id, ['张桂兰']],
    ]);
    expect(await patrolCount()).toBe(before + 3);
    const { rows } = await t.db.$client.query(
      `select count(*)::int as n from audit_log where entity_type = 'patrol' and entity_id = any($1::text[])`,
      [items.map((i) => i.id)],
    );
    expect(rows[0].n).toBe(3);
    const again = await call(t.app, town, 'POST', `${url}/batch`, { items });
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(0);
    expect(await patrolCount()).toBe(before + 3);
  });

  it('filters by village, chief, period and hazards; sorts; edits with a version; deletes and restores', async () => {
    const list = async (s: Session, q: string) => (await call(t.app, s, 'GET', `${url}?${q}`)).json();
    const a2 = await list(town, `orgUnitId=${org.units.villageA2.id}`);
    expect(a2.items.map((p: { area: string }) => p.area)).toEqual(['周巡查第3天']);
    const byLi = await list(town, `chiefId=${chief.li}&sort=occurredOn`);
    expect(byLi.items.map((p: { area: string }) => p.area)).toEqual([
      '后山至水库林区',
      '周巡查第1天',
      '周巡查第2天',
    ]);
    const april = await list(village, `from=${year}-04-01&to=${year}-04-30&hasHazards=0`);
    expect(april.items.map((p: { area: string }) => p.area)).toEqual(['周巡查第1天']);
    const hazards = await list(town, 'hasHazards=1&sort=-occurredOn');
    expect(hazards.items.map((p: { area: string }) => p.area)).toEqual(['周巡查第2天', '后山至水库林区']);
    expect((await call(t.app, town, 'GET', `${url}?sort=area`)).statusCode).toBe(400);
    // villageA2 sees only her own patrol, and never the names of villageA1's chiefs.
    const own = await list(villageA2, 'pageSize=200');
    expect(own.items.map((p: { area: string }) => p.area)).toEqual(['周巡查第3天']);

    const p = april.items[0];
    const edited = await call(t.app, village, 'PATCH', `${url}/${p.id}`, {
      durationMinutes: 90,
      chiefIds: [chief.li],
      version: 1,
    });
    expect(edited.json()).toMatchObject({ durationMinutes: 90, chiefNames: ['李春花'], version: 2 });
    const stale = await call(t.app, village, 'PATCH', `${url}/${p.id}`, { durationMinutes: 60, version: 1 });
    expect(stale.statusCode).toBe(409);
    const future = await call(t.app, village, 'PATCH', `${url}/${p.id}`, {
      occurredOn: '2999-01-01',
      version: 2,
    });
    expect(future.statusCode).toBe(400);
    const noNote = await call(t.app, village, 'PATCH', `${url}/${p.id}`, { hazardsFound: 1, version: 2 });
    expect(noNote.json().error.details[0].field).toBe('hazardNote');
    const foreignChief = await call(t.app, village, 'PATCH', `${url}/${p.id}`, {
      chiefIds: [chief.zhang],
      version: 2,
    });
    expect(foreignChief.statusCode).toBe(404);
    const deleted = await call(t.app, village, 'DELETE', `${url}/${p.id}?version=2`);
    expect(deleted.json()).toMatchObject({ id: p.id, version: 3 });
    expect(deleted.json().deletedAt).not.toBeNull();
    expect((await list(village, `from=${year}-04-01&to=${year}-04-01`)).total).toBe(0);
    expect((await list(village, 'status=deleted')).items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    const restored = await call(t.app, village, 'POST', `${url}/${p.id}/restore`, { version: 3 });
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 4 });
    expect((await call(t.app, village, 'POST', `${url}/${p.id}/restore`, { version: 4 })).statusCode).toBe(
      409,
    );
    expect((await call(t.app, villageA2, 'GET', `${url}/${p.id}`)).statusCode).toBe(404);
    const { rows } = await t.db.$client.query(
      `select action from audit_log where entity_type = 'patrol' and entity_id = $1 order by id`,
      [p.id],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'update', 'delete', 'restore']);
  });

  it('patrols.count, participants and hazards equal counts done here, in total and by village', async () => {
    // A deleted patrol and one outside the period count nowhere.
    const gone = await record(village, { ...base(), occurredOn: `${year}-05-01`, area: '删掉的巡查' });
    await call(t.app, village, 'DELETE', `${url}/${gone.json().id}?version=1`);
    await record(village, { ...base(), occurredOn: `${Number(year) - 1}-12-31`, area: '去年的巡查' });
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const get = async (key: string, extra = '') =>
      (
        await call(t.app, town, 'GET', `/api/v1/indicators/${key}/values?from=${from}&to=${to}${extra}`)
      ).json();
    const { rows } = await t.db.$client.query(
      `select u.name, count(*)::int as n, sum(p.hazards_found)::int as h,
         (select count(distinct c.id) from patrols q, unnest(q.chief_ids) as c(id)
           where q.org_unit_id = u.id and q.deleted_at is null and q.occurred_on between $1 and $2)::int as d
       from patrols p join org_units u on u.id = p.org_unit_id
       where p.deleted_at is null and p.occurred_on between $1 and $2 and p.org_path like $3
       group by u.id, u.name`,
      [from, to, `${org.units.townA.path}%`],
    );
    const [{ d: distinct }] = (
      await t.db.$client.query(
        `select count(distinct c.id)::int as d from patrols p, unnest(p.chief_ids) as c(id)
         where p.deleted_at is null and p.occurred_on between $1 and $2 and p.org_path like $3`,
        [from, to, `${org.units.townA.path}%`],
      )
    ).rows;
    const sum = (k: 'n' | 'h') => rows.reduce((a: number, r: Record<string, number>) => a + r[k], 0);
    const byUnit = (values: { rows: { label: string; value: number }[] }) =>
      Object.fromEntries(values.rows.map((r) => [r.label, r.value]));

    const count = await get('patrols.count', '&groupBy=orgUnit');
    expect(count.total).toBe(sum('n'));
    expect(byUnit(count)).toEqual(
      Object.fromEntries(rows.map((r: { name: string; n: number }) => [r.name, r.n])),
    );
    const participants = await get('patrols.participants', '&groupBy=orgUnit');
    expect(participants.total).toBe(distinct);
    expect(distinct).toBe(3);
    expect(byUnit(participants)).toEqual(
      Object.fromEntries(rows.map((r: { name: string; d: number }) => [r.name, r.d])),
    );
    const hazards = await get('patrols.hazards', '&groupBy=orgUnit');
    expect(hazards.total).toBe(sum('h'));
    expect(byUnit(hazards)).toEqual(
      Object.fromEntries(rows.map((r: { name: string; h: number }) => [r.name, r.h])),
    );
    const byHazard = await get('patrols.count', '&groupBy=hasHazard');
    expect(
      Object.fromEntries(byHazard.rows.map((r: { label: string; value: number }) => [r.label, r.value])),
    ).toEqual({
      有隐患: 2,
      无隐患: sum('n') - 2,
    });
    const drill = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/patrols.count/records?from=${from}&to=${to}&dimension=hasHazard&value=yes`,
      )
    ).json();
    expect(drill.items.map((r: { label: string }) => r.label)).toEqual(['周巡查第2天', '后山至水库林区']);
  });

  it("a village reading a town's cross-village patrol sees her own chief's name, not the other village's", async () => {
    const res = await record(town, { ...base(), area: '两村交界山脊', chiefIds: [chief.wang, chief.zhang] });
    expect(res.json().chiefNames).toEqual(['王秀英', '张桂兰']);
    const seen = (await call(t.app, village, 'GET', `${url}/${res.json().id}`)).json();
    expect(seen.chiefIds).toEqual([chief.wang, chief.zhang]);
    expect(seen.chiefNames).toEqual(['王秀英', '（非本辖区人员）']);
  });
});

describe('patrol hazard photos and the team filter', () => {
  const upload = async (s: Session, patrolId: string, color = '#2a6') => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
      .jpeg()
      .toBuffer();
    const form = multipartOf('hazard.jpg', jpeg, 'image/jpeg');
    return t.app.inject({
      method: 'POST',
      url: `${url}/${patrolId}/photos`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': form.contentType },
      payload: form.body,
    });
  };

  it('a hazard photo is stored with the patrol, served in scope only, and bumps the version', async () => {
    const created = await record(village, {
      ...base(),
      occurredOn: `${year}-02-14`,
      teamId,
      hazardsFound: 1,
      hazardNote: '林边堆放秸秆',
    });
    const patrol = created.json();
    const res = await upload(village, patrol.id);
    expect(res.statusCode, res.body).toBe(201);
    const photoId = res.json().id;
    const after = (await call(t.app, village, 'GET', `${url}/${patrol.id}`)).json();
    expect(after.photoIds).toEqual([photoId]);
    expect(after.version).toBe(patrol.version + 1);
    expect(after.teamName).toBe('甲一村巾帼林长队');
    const image = await call(t.app, town, 'GET', `${url}/${patrol.id}/photos/${photoId}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    // A sibling village can neither see, add to nor remove the photos of this patrol.
    expect((await call(t.app, villageA2, 'GET', `${url}/${patrol.id}/photos/${photoId}`)).statusCode).toBe(
      404,
    );
    expect((await upload(villageA2, patrol.id)).statusCode).toBe(404);
    expect((await call(t.app, villageA2, 'DELETE', `${url}/${patrol.id}/photos/${photoId}`)).statusCode).toBe(
      404,
    );
    const removed = await call(t.app, village, 'DELETE', `${url}/${patrol.id}/photos/${photoId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await call(t.app, village, 'GET', `${url}/${patrol.id}`)).json().photoIds).toEqual([]);
    const { rows } = await t.db.$client.query(
      "select action from audit_log where entity_type = 'patrolPhoto' and entity_id = $1 order by id",
      [photoId],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'delete']);
  });

  it("lists one team's patrols", async () => {
    await record(villageA2, {
      ...base(),
      orgUnitId: org.units.villageA2.id,
      occurredOn: `${year}-02-15`,
      chiefIds: [chief.zhang],
      teamId: otherTeamId,
    });
    const mine = (await call(t.app, town, 'GET', `${url}?teamId=${teamId}&pageSize=100`)).json();
    const expected = Number(
      (
        await t.db.$client.query('select count(*) from patrols where team_id = $1 and deleted_at is null', [
          teamId,
        ])
      ).rows[0].count,
    );
    expect(mine.total).toBe(expected);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((p: { teamId: string }) => p.teamId === teamId)).toBe(true);
  });
});
