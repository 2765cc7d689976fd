import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../kernel/db/ids';
import { shanghaiToday } from '../../kernel/time/calendar';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';
import { idNumberOf } from './screenings.fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let village: Session;
let villageA2: Session;
let viewer: Session;
const url = '/api/v1/screenings';
const year = Number(shanghaiToday().slice(0, 4)) - 1;
const woman: Record<string, string> = {};

const person = async (s: Session, unit: string, name: string, extra: Record<string, unknown>) => {
  const res = await call(t.app, s, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units[unit].id,
    name,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

const record = (s: Session, body: Record<string, unknown>) => call(t.app, s, 'POST', url, body);
const base = (personId: string) => ({
  personId,
  programmeYear: year,
  category: 'rural',
  mobilisedOn: `${year}-04-10`,
});
const auditCount = async (action: string) =>
  Number(
    (
      await t.db.$client.query(
        `select count(*) from audit_log where entity_type = 'cancerScreening' and action = $1`,
        [action],
      )
    ).rows[0].count,
  );

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
  villageA2 = await login(t.app, 'villageA2');
  viewer = await login(t.app, 'viewerA');
  woman.wang = await person(village, 'villageA1', '王秀英', { idNumber: idNumberOf(`${year - 50}0315`) });
  woman.li = await person(village, 'villageA1', '李春花', {
    gender: 'female',
    birthDate: `${year - 40}-07-01`,
  });
  woman.young = await person(village, 'villageA1', '赵小妹', { idNumber: idNumberOf(`${year - 30}0101`) });
  woman.old = await person(village, 'villageA1', '钱老太', {
    gender: 'female',
    birthDate: `${year - 70}-01-01`,
  });
  woman.man = await person(village, 'villageA1', '孙大伟', {
    idNumber: idNumberOf(`${year - 45}0101`, '011'),
  });
  woman.unknown = await person(village, 'villageA1', '周某某', { gender: 'female' });
  woman.other = await person(villageA2, 'villageA2', '张桂兰', { idNumber: idNumberOf(`${year - 45}0606`) });
});
afterAll(() => t.close());

describe('two-cancer screenings', () => {
  let id: string;
  let version: number;

  it('a village records a mobilised woman in her own unit, with her age in the programme year, and audits it', async () => {
    const res = await record(village, { ...base(woman.wang), site: '县妇幼保健院' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      orgUnitId: org.units.villageA1.id,
      personName: '王秀英',
      age: 50,
      programmeYear: year,
      result: null,
      version: 1,
    });
    id = res.json().id;
    version = res.json().version;
    const [audit] = (
      await t.db.$client.query(
        `select entity_label, after from audit_log where entity_id = $1 and action = 'create'`,
        [id],
      )
    ).rows;
    expect(audit.entity_label).toBe(`王*英 ${year}年度两癌筛查`);
    expect(JSON.stringify(audit.after)).not.toContain('王秀英');
  });

  it('refuses a woman outside the age band, naming her age, and a man, writing nothing', async () => {
    const young = await record(village, base(woman.young));
    expect(young.statusCode).toBe(400);
    expect(young.json().error.message).toBe(`该妇女${year}年为30岁，不在两癌筛查适龄范围（35—64岁）内`);
    const old = await record(village, base(woman.old));
    expect(old.json().error.message).toContain('70岁');
    const man = await record(village, base(woman.man));
    expect(man.statusCode).toBe(400);
    expect(man.json().error.message).toContain('须为女性');
    const unknown = await record(village, base(woman.unknown));
    expect(unknown.json().error.message).toContain('无法核对年龄');
    const n = (await t.db.$client.query('select count(*) from cancer_screenings')).rows[0].count;
    expect(Number(n)).toBe(1);
  });

  it('refuses a result without consent and screening date, a future date, and screening before mobilisation', async () => {
    const noConsent = await record(village, {
      ...base(woman.li),
      screenedOn: `${year}-05-01`,
      result: 'normal',
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.details[0]).toMatchObject({
      field: 'result',
      message: '请先登记知情同意日期和筛查日期，再填写筛查结果',
    });
    const future = await record(village, { ...base(woman.li), mobilisedOn: `${year + 2}-01-01` });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toBe('日期不能晚于今天');
    const early = await record(village, { ...base(woman.li), screenedOn: `${year}-04-01` });
    expect(early.json().error.details[0].message).toBe('筛查日期不能早于动员日期');
  });

  it('a second record of the same woman and year is a 409 in zh-CN', async () => {
    const res = await record(village, { ...base(woman.wang), category: 'other' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(`该妇女${year}年度已有两癌筛查记录，请在原记录上修改`);
  });

  it('a retry with the same client id answers the saved record once', async () => {
    const clientId = uuidv7();
    const body = { ...base(woman.li), id: clientId, consentSignedOn: `${year}-04-12` };
    const first = await record(village, body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await record(village, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(clientId);
  });

  it('edits with the version: the result only once consent and screening are recorded', async () => {
    const early = await call(t.app, village, 'PATCH', `${url}/${id}`, { version, result: 'followUp' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('请先登记知情同意日期和筛查日期，再填写筛查结果');
    const ok = await call(t.app, village, 'PATCH', `${url}/${id}`, {
      version,
      consentSignedOn: `${year}-04-12`,
      screenedOn: `${year}-05-08`,
      result: 'followUp',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ result: 'followUp', version: version + 1 });
    const stale = await call(t.app, village, 'PATCH', `${url}/${id}`, { version, site: '乡卫生院' });
    expect(stale.statusCode).toBe(409);
    version = ok.json().version;
    const future = await call(t.app, village, 'PATCH', `${url}/${id}`, {
      version,
      followUpDoneOn: `${year + 2}-01-01`,
    });
    expect(future.statusCode).toBe(400);
  });

  it('lists with masked names, filters by stage and result, and audits every read', async () => {
    const before = await auditCount('read');
    const res = await call(t.app, town, 'GET', `${url}?programmeYear=${year}&stage=followUpPending`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(1);
    expect(res.json().items[0]).toMatchObject({ personName: '王*英', result: 'followUp' });
    expect(res.body).not.toContain('王秀英');
    expect(await auditCount('read')).toBe(before + 1);
    const normal = await call(t.app, town, 'GET', `${url}?result=normal`);
    expect(normal.json().total).toBe(0);
    const one = await call(t.app, town, 'GET', `${url}/${id}`);
    expect(one.json().personName).toBe('王秀英');
    expect(await auditCount('read')).toBe(before + 2);
  });

  it("another village's record and woman are 404, and a viewer may read but not write", async () => {
    expect((await call(t.app, villageA2, 'GET', `${url}/${id}`)).statusCode).toBe(404);
    expect(
      (await call(t.app, villageA2, 'PATCH', `${url}/${id}`, { version, site: '乡卫生院' })).statusCode,
    ).toBe(404);
    expect((await record(village, base(woman.other))).statusCode).toBe(404);
    expect((await call(t.app, villageA2, 'GET', url)).json().total).toBe(0);
    expect((await call(t.app, viewer, 'GET', url)).statusCode).toBe(200);
    expect((await record(viewer, base(woman.other))).statusCode).toBe(403);
  });

  it('the follow-up is a to-do until done, and the indicators count by their own dates', async () => {
    const month = Number(shanghaiToday().slice(5, 7));
    const dash = await call(t.app, town, 'GET', `/api/v1/reports/dashboard?year=${year + 1}&month=${month}`);
    expect(dash.statusCode, dash.body).toBe(200);
    const mine = dash.json().todos.filter((i: { provider: string }) => i.provider === 'screenings.followUps');
    expect(mine).toHaveLength(1);
    expect(mine[0].title.zh).toBe('甲一村妇联两癌筛查异常待随访1人');
    const value = async (key: string, extra = '') =>
      (
        await call(
          t.app,
          town,
          'GET',
          `/api/v1/indicators/${key}/values?from=${year}-01-01&to=${year}-12-31${extra}`,
        )
      ).json();
    const mobilised = await value('cancerScreening.mobilised');
    expect(mobilised.rows, JSON.stringify(mobilised)).toBeDefined();
    const screened = await value('cancerScreening.screened', '&groupBy=result');
    expect(mobilised.total).toBe(2);
    expect(screened.total).toBe(1);
    const byYear = await value('cancerScreening.screened', '&groupBy=programmeYear');
    expect(
      byYear.rows.map((r: { group: string; label: string; value: number }) => [r.group, r.label, r.value]),
    ).toEqual([[String(year), `${year}年度`, 1]]);
    const pending = await value('cancerScreening.followUps');
    expect(pending.total).toBe(1);
    const done = await call(t.app, village, 'PATCH', `${url}/${id}`, {
      version,
      followUpDoneOn: `${year}-06-01`,
      followUpNote: '已到县医院复查，结果正常',
    });
    expect(done.statusCode, done.body).toBe(200);
    version = done.json().version;
    const after = await value('cancerScreening.followUps');
    expect(after.total).toBe(0);
  });

  it('deletes with the version and restores; a restore that would duplicate is refused', async () => {
    const del = await call(t.app, village, 'DELETE', `${url}/${id}?version=${version}`);
    expect(del.statusCode, del.body).toBe(200);
    version = del.json().version;
    expect((await call(t.app, village, 'GET', `${url}/${id}`)).json().deletedAt).not.toBeNull();
    const deleted = await call(t.app, village, 'GET', `${url}?status=deleted`);
    expect(deleted.json().total).toBe(1);
    const again = await record(village, base(woman.wang));
    expect(again.statusCode, again.body).toBe(201);
    const clash = await call(t.app, village, 'POST', `${url}/${id}/restore`, { version });
    expect(clash.statusCode).toBe(409);
    const other = again.json();
    const del2 = await call(t.app, village, 'DELETE', `${url}/${other.id}?version=${other.version}`);
    expect(del2.statusCode).toBe(200);
    const restored = await call(t.app, village, 'POST', `${url}/${id}/restore`, { version });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
  });
});
