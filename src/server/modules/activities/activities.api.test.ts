import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../kernel/db/ids';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';
import { shanghaiToday } from './activities.service';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
let town: Session;
let village: Session;
let campaignId: string;
let siteId: string;
const url = '/api/v1/activities/activities';
// Last year: every date used here is safely in the past, whatever day the suite runs.
const year = String(Number(shanghaiToday().slice(0, 4)) - 1);

const record = (s: Session, body: Record<string, unknown>) => call(t.app, s, 'POST', url, body);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
  const campaign = await call(t.app, county, 'POST', '/api/v1/activities/campaigns', {
    orgUnitId: org.units.county.id,
    name: '巾帼心向党·奋进新征程',
    startsOn: `${year}-01-01`,
  });
  campaignId = campaign.json().id;
  const site = await call(t.app, town, 'POST', '/api/v1/org/sites', {
    orgUnitId: org.units.villageA1.id,
    kind: 'womenHome',
    name: '甲一村妇女之家',
  });
  siteId = site.json().id;
});
afterAll(() => t.close());

describe('activities ledger', () => {
  it('a village chair records an outreach talk under the county campaign at her 妇女之家', async () => {
    const res = await record(village, {
      orgUnitId: org.units.villageA1.id,
      title: '学习宣讲家庭家教家风',
      type: 'outreach',
      occurredOn: `${year}-01-10`,
      siteId,
      campaignIds: [campaignId],
      attendance: 45,
      targetGroups: ['women', 'families'],
      coOrganizers: '司法所',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      siteName: '甲一村妇女之家',
      campaignNames: ['巾帼心向党·奋进新征程'],
      attendance: 45,
    });
  });

  it('refuses a future date, an unknown type, fewer 人次 than named participants, and a site of another village', async () => {
    const base = {
      orgUnitId: org.units.villageA1.id,
      title: '测试活动',
      type: 'training',
      occurredOn: `${year}-01-05`,
      attendance: 1,
    };
    const future = await record(village, { ...base, occurredOn: '2999-01-01' });
    expect(future.json().error.details[0]).toMatchObject({ field: 'occurredOn' });
    expect((await record(village, { ...base, type: 'party' })).json().error.details[0].field).toBe('type');
    const people = [];
    for (const name of ['刘春梅', '黄秀英']) {
      people.push(
        (
          await call(t.app, village, 'POST', '/api/v1/people/persons', {
            orgUnitId: org.units.villageA1.id,
            name,
          })
        ).json().id,
      );
    }
    const few = await record(village, { ...base, participantIds: people });
    expect(few.json().error.message).toBe('参加人次不能少于登记的参加人员数');
    const otherSite = (
      await call(t.app, town, 'POST', '/api/v1/org/sites', {
        orgUnitId: org.units.villageA2.id,
        kind: 'womenHome',
        name: '甲二村妇女之家',
      })
    ).json();
    expect((await record(village, { ...base, siteId: otherSite.id })).statusCode).toBe(404);
  });

  it("names the participants in the detail, but only those within the reader's subtree", async () => {
    const person = async (s: Session, unit: string, name: string) =>
      (await call(t.app, s, 'POST', '/api/v1/people/persons', { orgUnitId: unit, name })).json().id as string;
    const own = await person(village, org.units.villageA1.id, '周玉兰');
    const neighbour = await person(town, org.units.villageA2.id, '吴桂芝');
    // The town records a joint activity in 甲一村 with a volunteer from 甲二村.
    const created = await record(town, {
      orgUnitId: org.units.villageA1.id,
      title: '两村联合环境整治',
      type: 'volunteerService',
      occurredOn: `${Number(year) - 1}-03-02`,
      attendance: 12,
      participantIds: [own, neighbour],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const byTown = (await call(t.app, town, 'GET', `${url}/${id}`)).json();
    expect(byTown.participants.map((p: { name: string }) => p.name).sort()).toEqual(['吴桂芝', '周玉兰']);
    expect(byTown.hiddenParticipants).toBe(0);
    const byVillage = (await call(t.app, village, 'GET', `${url}/${id}`)).json();
    expect(byVillage.participants).toEqual([{ id: own, name: '周玉兰' }]);
    expect(byVillage.hiddenParticipants).toBe(1);
    // The village may not name a person of another village.
    const foreign = await record(village, {
      orgUnitId: org.units.villageA1.id,
      title: '越权登记人员',
      type: 'training',
      occurredOn: `${Number(year) - 1}-03-03`,
      attendance: 3,
      participantIds: [neighbour],
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('a retry with the same client id returns the saved record instead of a duplicate', async () => {
    const id = uuidv7();
    const body = {
      id,
      orgUnitId: org.units.villageA1.id,
      title: '手机登记的义诊',
      type: 'healthClinic',
      occurredOn: `${year}-02-01`,
      attendance: 30,
    };
    expect((await record(village, body)).statusCode).toBe(201);
    const again = await record(village, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);
    const { rows } = await t.db.$client.query('select count(*)::int as n from activities where id = $1', [
      id,
    ]);
    expect(rows[0].n).toBe(1);
    const clash = await record(village, { ...body, title: '别的活动' });
    expect(clash.statusCode).toBe(409);
    // The same id from the next village, with her own unit: the very same answer — a used id is a
    // plain conflict, saying nothing of whose record holds it or where.
    const sibling = await login(t.app, 'villageA2');
    const foreign = await record(sibling, { ...body, orgUnitId: org.units.villageA2.id });
    expect(foreign.statusCode).toBe(409);
    expect(foreign.body).toBe(clash.body);
    expect(foreign.json().error.message).toBe('该活动编号已被使用，请刷新后重新填写');
  });

  it('filters by type, campaign, period and text; edits with a version; deletes and restores', async () => {
    const list = (
      await call(
        t.app,
        town,
        'GET',
        `${url}?type=outreach&campaignId=${campaignId}&from=${year}-01-01&to=${year}-01-31`,
      )
    ).json();
    expect(list.items.map((a: { title: string }) => a.title)).toEqual(['学习宣讲家庭家教家风']);
    const a = list.items[0];
    const edited = await call(t.app, village, 'PATCH', `${url}/${a.id}`, { attendance: 48, version: 1 });
    expect(edited.json()).toMatchObject({ attendance: 48, version: 2 });
    expect(
      (await call(t.app, village, 'PATCH', `${url}/${a.id}`, { attendance: 50, version: 1 })).statusCode,
    ).toBe(409);
    expect((await call(t.app, village, 'DELETE', `${url}/${a.id}?version=2`)).statusCode).toBe(200);
    expect((await call(t.app, town, 'GET', `${url}?q=${encodeURIComponent('家教家风')}`)).json().total).toBe(
      0,
    );
    expect((await call(t.app, village, 'POST', `${url}/${a.id}/restore`, { version: 3 })).statusCode).toBe(
      200,
    );
  });

  it('records a monthly series once for several villages; months after this one are refused', async () => {
    const res = await call(t.app, town, 'POST', `${url}/series`, {
      title: '每月主题宣讲',
      type: 'outreach',
      orgUnitIds: [org.units.villageA1.id, org.units.villageA2.id],
      months: [`${year}-01`],
      day: 1,
      attendance: 20,
      campaignIds: [campaignId],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toBe(2);
    const future = await call(t.app, town, 'POST', `${url}/series`, {
      title: '每月主题宣讲',
      type: 'outreach',
      orgUnitIds: [org.units.villageA1.id],
      months: ['2999-01'],
    });
    expect(future.statusCode).toBe(400);
  });

  it("campaign totals count only the reader's subtree; the county campaign is usable but not editable by a village", async () => {
    const { rows } = await t.db.$client.query(
      `select count(*)::int as n, coalesce(sum(attendance),0)::int as s from activities where $1 = any(campaign_ids) and deleted_at is null`,
      [campaignId],
    );
    const countyView = (
      await call(t.app, county, 'GET', `/api/v1/activities/campaigns/${campaignId}`)
    ).json();
    expect({ n: countyView.sessions, s: countyView.attendances }).toEqual(rows[0]);
    const villageA2 = await login(t.app, 'villageA2');
    const a2View = (await call(t.app, villageA2, 'GET', `/api/v1/activities/campaigns/${campaignId}`)).json();
    expect(a2View).toMatchObject({ sessions: 1, attendances: 20 });
    const rename = await call(t.app, village, 'PATCH', `/api/v1/activities/campaigns/${campaignId}`, {
      name: '村里改名',
      version: 1,
    });
    // She sees and joins it, so the refusal names the county rather than saying it does not exist.
    expect(rename.statusCode).toBe(403);
    expect(rename.json().error.message).toBe(
      '无权操作：该专项行动由测试县妇联制定，只有该单位可以修改或删除',
    );
  });

  it('activities.sessions and attendances equal counts done here, by type, by village and by campaign', async () => {
    const q = `from=${year}-01-01&to=${year}-12-31`;
    const get = async (key: string, extra = '') =>
      (await call(t.app, town, 'GET', `/api/v1/indicators/${key}/values?${q}${extra}`)).json();
    const { rows } = await t.db.$client.query(
      `select type, count(*)::int as n, sum(attendance)::int as s from activities
       where deleted_at is null and occurred_on between $1 and $2 and org_path like $3 group by type`,
      [`${year}-01-01`, `${year}-12-31`, `${org.units.townA.path}%`],
    );
    const sessions = await get('activities.sessions', '&groupBy=type');
    expect(
      Object.fromEntries(sessions.rows.map((r: { group: string; value: number }) => [r.group, r.value])),
    ).toEqual(Object.fromEntries(rows.map((r: { type: string; n: number }) => [r.type, r.n])));
    const attendances = await get('activities.attendances', '&groupBy=type');
    expect(attendances.total).toBe(rows.reduce((a: number, r: { s: number }) => a + r.s, 0));
    const byVillage = await get('activities.sessions', '&groupBy=orgUnit');
    expect(byVillage.rows.map((r: { label: string; value: number }) => [r.label, r.value])).toEqual([
      ['甲二村妇联', 1],
      ['甲一村妇联', 3],
    ]);
    const byCampaign = await get('activities.sessions', '&groupBy=campaign');
    expect(byCampaign.total).toBe(4);
    expect(byCampaign.rows.find((r: { label: string }) => r.label === '巾帼心向党·奋进新征程')?.value).toBe(
      3,
    );
    const drill = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/activities.sessions/records?${q}&dimension=type&value=healthClinic`,
      )
    ).json();
    expect(drill.items.map((r: { label: string }) => r.label)).toEqual(['手机登记的义诊']);
  });

  it('a village × type table from one indicator, each cell drilled to its records', async () => {
    const q = `from=${year}-01-01&to=${year}-12-31`;
    const table = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/activities.sessions/values?${q}&groupBy=orgUnit,type`,
      )
    ).json();
    const { rows } = await t.db.$client.query(
      `select u.name, a.type, count(*)::int as n from activities a join org_units u on u.id = a.org_unit_id
       where a.deleted_at is null and a.occurred_on between $1 and $2 group by 1, 2`,
      [`${year}-01-01`, `${year}-12-31`],
    );
    const cells = (
      xs: {
        label?: string;
        label2?: string;
        name?: string;
        type?: string;
        group2?: string;
        value?: number;
        n?: number;
      }[],
    ) => xs.map((x) => `${x.label ?? x.name}|${x.group2 ?? x.type}|${x.value ?? x.n}`).sort();
    expect(cells(table.rows)).toEqual(cells(rows));
    const cell = table.rows.find(
      (r: { label: string; group2: string }) => r.label === '甲一村妇联' && r.group2 === 'outreach',
    );
    const drill = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/activities.sessions/records?${q}&dimension=orgUnit&value=${cell.group}&dimension2=type&value2=outreach`,
      )
    ).json();
    expect(drill.total).toBe(cell.value);
    expect(drill.items.every((r: { orgUnitName: string }) => r.orgUnitName === '甲一村妇联')).toBe(true);
    const bad = await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/activities.sessions/values?${q}&groupBy=type,campaign`,
    );
    expect(bad.statusCode).toBe(400);
  });

  it('exports the village × type table as an upward report: title, period, producing federation, totals', async () => {
    const res = await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/activities.sessions/export?from=${year}-01-01&to=${year}-12-31&groupBy=orgUnit,type`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('甲镇妇联活动场次统计表');
    expect(String(ws.getCell('A2').value)).toContain(`${year}-01-01 至 ${year}-12-31`);
    expect(ws.getCell('A3').value).toBe('制表单位：甲镇妇联');
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    const total = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/activities.sessions/values?from=${year}-01-01&to=${year}-12-31`,
      )
    ).json().total;
    expect(last.getCell(last.cellCount).value).toBe(total);
  });
});
