import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';
import { parseDateSpanCell } from './activities.io';
import { shanghaiToday } from './activities.service';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
let village: Session;
let town: Session;
const url = '/api/v1/activities/activities';
const year = String(Number(shanghaiToday().slice(0, 4)) - 1);
const q = `from=${year}-01-01&to=${year}-12-31`;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  village = await login(t.app, 'villageA1');
  town = await login(t.app, 'townA');
});
afterAll(() => t.close());

const sheet = async (rows: (string | number)[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('活动台账');
  ws.addRow(['活动日期', '结束日期', '活动名称', '活动类型', '参加人次', '是否重点']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const importSheet = async (file: Buffer) => {
  const res = await uploadFile(
    t.app,
    village,
    `${url}/import?wait=1&orgUnitId=${org.units.villageA1.id}`,
    file,
    '活动台账.xlsx',
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('multi-day and notable activities', () => {
  it('reads a date range in the date cell, in the forms a sheet writes it', () => {
    expect(parseDateSpanCell('2026-06-01至2026-06-03')).toEqual({
      value: { from: '2026-06-01', to: '2026-06-03' },
    });
    expect(parseDateSpanCell('2026年6月1日至3日')).toEqual({
      value: { from: '2026-06-01', to: '2026-06-03' },
    });
    expect(parseDateSpanCell('2026-06-30～07-02')).toEqual({
      value: { from: '2026-06-30', to: '2026-07-02' },
    });
    expect(parseDateSpanCell('2026-06-01')).toEqual({ value: { from: '2026-06-01' } });
    expect(parseDateSpanCell('2026-06-03至2026-06-01')).toEqual({
      error: '“2026-06-03至2026-06-01”的结束日期早于开始日期',
    });
  });

  it('refuses an end date before the start, and keeps a multi-day notable activity with both dates', async () => {
    const body = {
      orgUnitId: org.units.villageA1.id,
      title: '巾帼家政技能培训班',
      type: 'training',
      occurredOn: `${year}-06-03`,
      endedOn: `${year}-06-01`,
      attendance: 40,
    };
    const bad = await call(t.app, village, 'POST', url, body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({
      field: 'endedOn',
      message: '结束日期不能早于开始日期',
    });
    const ok = await call(t.app, village, 'POST', url, {
      ...body,
      occurredOn: `${year}-06-01`,
      endedOn: `${year}-06-03`,
      isNotable: true,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const a = ok.json();
    expect(a).toMatchObject({ endedOn: `${year}-06-03`, isNotable: true });
    const moved = await call(t.app, village, 'PATCH', `${url}/${a.id}`, {
      occurredOn: `${year}-06-05`,
      version: a.version,
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.message).toBe('结束日期不能早于开始日期');
    const unmarked = await call(t.app, village, 'PATCH', `${url}/${a.id}`, {
      isNotable: false,
      version: a.version,
    });
    expect(unmarked.json()).toMatchObject({ isNotable: false, endedOn: `${year}-06-03` });
    const marked = await call(t.app, village, 'PATCH', `${url}/${a.id}`, {
      isNotable: true,
      version: unmarked.json().version,
    });
    expect(marked.json().isNotable).toBe(true);
  });

  it('imports 结束日期, 是否重点 and a date range, again changes nothing, and refuses a range that disagrees', async () => {
    const rows = [
      [`${year}-03-08`, '', '三八国际妇女节普法宣传', '普法', 120, '是'],
      [`${year}-09-10至${year}-09-12`, '', '家庭教育指导师培训班', '培训', 60, '重点'],
      [`${year}-10-01`, `${year}-10-02`, '国庆文艺汇演', '文体活动', 200, ''],
      [`${year}-11-15`, '', '11月主题宣讲', '宣讲', 35, '否'],
    ];
    const first = await importSheet(await sheet(rows));
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect((await importSheet(await sheet(rows))).counts).toEqual({ created: 0, updated: 0, unchanged: 4 });
    const saved = (
      await t.db.$client.query(
        `select title, occurred_on::text as "from", ended_on::text as "to", is_notable as notable
         from activities where title in ('三八国际妇女节普法宣传', '家庭教育指导师培训班', '国庆文艺汇演', '11月主题宣讲')
         order by occurred_on`,
      )
    ).rows;
    expect(saved).toEqual([
      { title: '三八国际妇女节普法宣传', from: `${year}-03-08`, to: null, notable: true },
      { title: '家庭教育指导师培训班', from: `${year}-09-10`, to: `${year}-09-12`, notable: true },
      { title: '国庆文艺汇演', from: `${year}-10-01`, to: `${year}-10-02`, notable: false },
      { title: '11月主题宣讲', from: `${year}-11-15`, to: null, notable: false },
    ]);
    const refused = await importSheet(
      await sheet([
        [`${year}-09-10至${year}-09-12`, `${year}-09-13`, '家庭教育指导师培训班', '培训', 60, '是'],
        [`${year}-12-01`, `${year}-11-30`, '年终总结会', '会议', 20, '也许'],
      ]),
    );
    expect(refused.status).toBe('failed');
    expect(
      refused.issues.map((i: { row: number; column: string; message: string }) => [
        i.row,
        i.column,
        i.message,
      ]),
    ).toEqual([
      [2, '结束日期', `与活动日期中的结束日期（${year}-09-12）不一致`],
      [3, '是否重点', '“也许”请填写“是”或“否”'],
    ]);
  });

  it('exports the end date and the notable flag', async () => {
    const res = await call(t.app, village, 'GET', `${url}/export?type=training`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as string[]).slice(1);
    const at = (row: number, h: string) => ws.getRow(row).getCell(header.indexOf(h) + 1).value;
    expect(header.slice(0, 3)).toEqual(['活动日期', '结束日期', '活动名称']);
    expect(header).toContain('是否重点');
    const byTitle = new Map<string, number>();
    ws.eachRow((r, n) => {
      if (n > 1) byTitle.set(String(r.getCell(header.indexOf('活动名称') + 1).value), n);
    });
    const n = byTitle.get('家庭教育指导师培训班') as number;
    expect([at(n, '活动日期'), at(n, '结束日期'), at(n, '是否重点')]).toEqual([
      `${year}-09-10`,
      `${year}-09-12`,
      '是',
    ]);
  });

  it('the indicators count notable activities apart and their records carry the last day', async () => {
    const values = (
      await call(
        t.app,
        village,
        'GET',
        `/api/v1/indicators/activities.sessions/values?${q}&groupBy=isNotable`,
      )
    ).json();
    expect(
      values.rows.map((r: { group: string; label: string; value: number }) => [r.group, r.label, r.value]),
    ).toEqual([
      ['yes', '重点活动', 3],
      ['no', '一般活动', 2],
    ]);
    const drill = (
      await call(
        t.app,
        village,
        'GET',
        `/api/v1/indicators/activities.attendances/records?${q}&dimension=isNotable&value=yes`,
      )
    ).json();
    expect(
      drill.items.map((r: { label: string; date: string; dateTo: string | null }) => [
        r.label,
        r.date,
        r.dateTo,
      ]),
    ).toEqual([
      ['家庭教育指导师培训班', `${year}-09-10`, `${year}-09-12`],
      ['巾帼家政技能培训班', `${year}-06-01`, `${year}-06-03`],
      ['三八国际妇女节普法宣传', `${year}-03-08`, null],
    ]);
  });

  it('activity types say which are dated by nature; the county can change it and a save that omits it keeps it', async () => {
    const types = (await call(t.app, county, 'GET', '/api/v1/activities/types')).json();
    expect(
      types.types.filter((x: { isDated?: boolean }) => x.isDated).map((x: { code: string }) => x.code),
    ).toEqual(['training', 'legalEducation']);
    const set = await call(t.app, county, 'PUT', '/api/v1/activities/types', {
      types: [
        { code: 'training', label: { zh: '培训' } },
        { code: 'legalEducation', label: { zh: '普法' }, isDated: false },
        { code: 'outreach', label: { zh: '宣讲' } },
        { code: 'culturalEvent', label: { zh: '文体活动' } },
        { code: 'meeting', label: { zh: '会议' } },
        { label: { zh: '家庭教育' }, isDated: true },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    const after = (await call(t.app, village, 'GET', '/api/v1/activities/types')).json();
    expect(
      after.types.map((x: { label: { zh: string }; isDated?: boolean }) => [x.label.zh, x.isDated ?? false]),
    ).toEqual([
      ['培训', true],
      ['普法', false],
      ['宣讲', false],
      ['文体活动', false],
      ['会议', false],
      ['家庭教育', true],
    ]);
  });

  it("a town's own classes of a dated type are named with their dates in its summary, marked 重点 or not", async () => {
    const types = (await call(t.app, town, 'GET', '/api/v1/activities/types')).json().types as {
      code: string;
      label: { zh: string };
    }[];
    const familyType = types.find((x) => x.label.zh === '家庭教育')?.code as string;
    const add = async (who: Session, unit: string, body: Record<string, unknown>) => {
      const res = await call(t.app, who, 'POST', url, { orgUnitId: unit, attendance: 30, ...body });
      expect(res.statusCode, res.body).toBe(201);
    };
    const townId = org.units.townA.id;
    await add(town, townId, {
      title: '全镇妇女干部素质提升培训班',
      type: 'training',
      occurredOn: `${year}-04-10`,
      endedOn: `${year}-04-11`,
    });
    await add(town, townId, { title: '家长课堂进万家', type: familyType, occurredOn: `${year}-05-15` });
    // 普法 is no longer dated in this county; a village's unmarked class is counted, not named.
    await add(town, townId, {
      title: '宪法宣传周集中宣传',
      type: 'legalEducation',
      occurredOn: `${year}-12-04`,
    });
    await add(village, org.units.villageA1.id, {
      title: '村级电商带货培训',
      type: 'training',
      occurredOn: `${year}-05-20`,
    });
    const own = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/activities.sessions/records?${q}&dimension=orgUnit&value=direct&dimension2=isDated&value2=yes`,
      )
    ).json();
    expect(own.items.map((r: { label: string }) => r.label).sort()).toEqual(
      ['全镇妇女干部素质提升培训班', '家长课堂进万家'].sort(),
    );
    const draft = await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', {
      kind: 'annual',
      year: Number(year),
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const text = JSON.stringify(draft.json().content);
    expect(text).toContain('4月10日至11日');
    expect(text).toContain('全镇妇女干部素质提升培训班');
    expect(text).toContain('5月15日');
    expect(text).toContain('家长课堂进万家');
    // Marked 重点 in the village: still named; unmarked in the village, or of an undated type: not.
    expect(text).toContain('巾帼家政技能培训班');
    expect(text).not.toContain('村级电商带货培训');
    expect(text).not.toContain('宪法宣传周集中宣传');
  });
});
