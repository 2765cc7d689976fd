import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../kernel/time/calendar';
import { call, createTestApp, login, multipartOf, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
let town: Session;
let village: Session;
let villageA2: Session;
const p: Record<string, string> = {};
// Last year: every date used here is safely in the past, whatever day the suite runs.
const year = Number(shanghaiToday().slice(0, 4)) - 1;
const N = '/api/v1/honours/nominations';

const person = async (s: Session, unit: string, name: string) => {
  const res = await call(t.app, s, 'POST', '/api/v1/people/persons', { orgUnitId: org.units[unit].id, name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const count = async (table: string) =>
  Number((await t.db.$client.query(`select count(*) from ${table}`)).rows[0].count);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
  villageA2 = await login(t.app, 'villageA2');
  p.wang = await person(village, 'villageA1', '王秀英');
  p.li = await person(village, 'villageA1', '李春花');
  p.zhang = await person(villageA2, 'villageA2', '张桂兰');
  p.zhao = await person(county, 'villageB1', '赵红梅');
});
afterAll(() => t.close());

describe('honour titles', () => {
  it('reads the built-in catalogue with level and body, and the county sets its own', async () => {
    const res = await call(t.app, village, 'GET', '/api/v1/honours/titles');
    expect(res.statusCode).toBe(200);
    expect(res.json().isDefault).toBe(true);
    expect(res.json().titles.find((x: { code: string }) => x.code === 'womenModelPost')).toMatchObject({
      label: { zh: '巾帼文明岗' },
      level: 'city',
      awardingBody: '市妇联',
    });
    const titles = res.json().titles.map((x: Record<string, unknown>) => ({
      code: x.code,
      label: { zh: (x.label as { zh: string }).zh },
      level: x.level,
      awardingBody: x.awardingBody,
      maskedNotice: x.code === 'goodDaughterInLaw',
    }));
    titles.push({ label: { zh: '最美执委' }, level: 'town', awardingBody: '甲镇妇联', maskedNotice: false });
    expect((await call(t.app, town, 'PUT', '/api/v1/honours/titles', { titles })).statusCode).toBe(403);
    const put = await call(t.app, county, 'PUT', '/api/v1/honours/titles', { titles });
    expect(put.statusCode, put.body).toBe(200);
    const added = put.json().titles.find((x: { label: { zh: string } }) => x.label.zh === '最美执委');
    expect(added).toMatchObject({ code: 'custom1', level: 'town', awardingBody: '甲镇妇联' });
    const read = await call(t.app, village, 'GET', '/api/v1/honours/titles');
    expect(
      read.json().titles.find((x: { code: string }) => x.code === 'goodDaughterInLaw').maskedNotice,
    ).toBe(true);
  });
});

describe('nominations: 推荐 → 公示 → 授予', () => {
  let id: string;
  it('a village nominates her own woman; the title level and body are copied in', async () => {
    const res = await call(t.app, village, 'POST', N, {
      orgUnitId: org.units.villageA1.id,
      year,
      titleCode: 'goodDaughterInLaw',
      nomineeKind: 'person',
      personId: p.wang,
      deeds: '孝敬公婆二十年',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'nominated',
      titleName: '好媳妇',
      level: 'town',
      nomineeName: '王秀英',
      noticeName: '王**',
      orgUnitName: '甲一村妇联',
    });
    id = res.json().id;
  });

  it('refuses a nominee outside the nominating unit (zh-CN), and one outside her subtree as missing', async () => {
    const before = await count('nominations');
    const outside = await call(t.app, town, 'POST', N, {
      orgUnitId: org.units.villageA1.id,
      year,
      titleCode: 'mostBeautifulFamily',
      nomineeKind: 'person',
      personId: p.zhang,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('不在推荐单位（甲一村妇联）的辖区内');
    const foreign = await call(t.app, village, 'POST', N, {
      orgUnitId: org.units.villageA1.id,
      year,
      titleCode: 'mostBeautifulFamily',
      nomineeKind: 'person',
      personId: p.zhao,
    });
    expect(foreign.statusCode).toBe(404);
    const wrongShape = await call(t.app, village, 'POST', N, {
      orgUnitId: org.units.villageA1.id,
      year,
      titleCode: 'mostBeautifulFamily',
      nomineeKind: 'household',
      personId: p.wang,
    });
    expect(wrongShape.statusCode).toBe(400);
    const badTitle = await call(t.app, village, 'POST', N, {
      orgUnitId: org.units.villageA1.id,
      year,
      titleCode: 'noSuchTitle',
      nomineeKind: 'person',
      personId: p.wang,
    });
    expect(badTitle.statusCode).toBe(400);
    expect(badTitle.body).toContain('不在本县的荣誉称号目录中');
    expect(await count('nominations')).toBe(before);
  });

  it('refuses an award before the 公示 ends and awards after it; a decided nomination stays', async () => {
    const early = await call(t.app, village, 'POST', `${N}/${id}/decide`, {
      outcome: 'awarded',
      awardedOn: `${year}-03-01`,
      version: 1,
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('尚未公示');
    const pub = await call(t.app, village, 'POST', `${N}/${id}/publicize`, {
      noticeFrom: `${year}-03-01`,
      noticeTo: `${year}-03-03`,
      version: 1,
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'publicizing', noticeTo: `${year}-03-03`, version: 2 });
    const during = await call(t.app, village, 'POST', `${N}/${id}/decide`, {
      outcome: 'awarded',
      awardedOn: `${year}-03-03`,
      version: 2,
    });
    expect(during.statusCode).toBe(400);
    expect(during.body).toContain(`公示期至${year}-03-03结束`);
    const ok = await call(t.app, village, 'POST', `${N}/${id}/decide`, {
      outcome: 'awarded',
      awardedOn: `${year}-03-08`,
      version: 2,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'awarded', awardedOn: `${year}-03-08`, version: 3 });
    const again = await call(t.app, village, 'POST', `${N}/${id}/decide`, {
      outcome: 'notAwarded',
      version: 3,
    });
    expect(again.statusCode).toBe(409);
    // The certificate photo, served in scope only.
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c41' } })
      .jpeg()
      .toBuffer();
    const form = multipartOf('certificate.jpg', jpeg, 'image/jpeg');
    const photo = await t.app.inject({
      method: 'POST',
      url: `${N}/${id}/photos`,
      headers: { cookie: village.cookie, 'x-csrf-token': village.csrf, 'content-type': form.contentType },
      payload: form.body,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const withPhoto = (await call(t.app, village, 'GET', `${N}/${id}`)).json();
    expect(withPhoto.photoIds).toEqual([photo.json().id]);
    expect((await call(t.app, villageA2, 'GET', `${N}/${id}/photos/${photo.json().id}`)).statusCode).toBe(
      404,
    );
    const audit = await t.db.$client.query(
      `select action from audit_log where entity_type = 'nomination' and entity_id = $1 order by id`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'publicize', 'award']);
    expect(withPhoto.version).toBe(4);
  });

  it('a household and a collective nomination; the household lists its honours; figures count by title and level', async () => {
    const hh = await call(t.app, village, 'POST', '/api/v1/people/households', {
      orgUnitId: org.units.villageA1.id,
      address: '甲一村3组12号',
      headPersonId: p.li,
    });
    expect(hh.statusCode, hh.body).toBe(201);
    const householdId = hh.json().id;
    const fam = await call(t.app, village, 'POST', N, {
      orgUnitId: org.units.villageA1.id,
      year,
      titleCode: 'mostBeautifulFamily',
      nomineeKind: 'household',
      householdId,
    });
    expect(fam.statusCode, fam.body).toBe(201);
    expect(fam.json().nomineeName).toBe('李春花');
    const post = await call(t.app, town, 'POST', N, {
      orgUnitId: org.units.townA.id,
      year,
      titleCode: 'womenModelPost',
      nomineeKind: 'collective',
      collectiveUnitId: org.units.villageA2.id,
    });
    expect(post.statusCode, post.body).toBe(201);
    expect(post.json().nomineeName).toBe('甲二村妇联');
    for (const [nid, to] of [
      [fam.json().id, `${year}-05-03`],
      [post.json().id, `${year}-06-03`],
    ]) {
      const s = await call(t.app, town, 'POST', `${N}/${nid}/publicize`, {
        noticeFrom: `${year}-05-01`,
        noticeTo: to,
        version: 1,
      });
      expect(s.statusCode, s.body).toBe(200);
    }
    const d = await call(t.app, town, 'POST', `${N}/${fam.json().id}/decide`, {
      outcome: 'awarded',
      awardedOn: `${year}-05-10`,
      version: 2,
    });
    expect(d.statusCode, d.body).toBe(200);
    const ofHousehold = await call(t.app, village, 'GET', `${N}?householdId=${householdId}`);
    expect(ofHousehold.json().items.map((n: { titleName: string }) => n.titleName)).toEqual(['最美家庭']);

    const v = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/honours.awarded/values?from=${year}-01-01&to=${year}-12-31&groupBy=level`,
      )
    ).json();
    expect(v.total).toBe(2);
    expect(
      Object.fromEntries(v.rows.map((r: { group: string; value: number }) => [r.group, r.value])),
    ).toEqual({
      town: 1,
      county: 1,
    });
    const byTitle = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/honours.awarded/values?from=${year}-01-01&to=${year}-12-31&groupBy=title`,
      )
    ).json();
    expect(byTitle.rows.map((r: { label: string }) => r.label).sort()).toEqual(['最美家庭', '好媳妇'].sort());
    const inNotice = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/honours.inNotice/values?from=${year}-05-01&to=${year}-05-31`,
      )
    ).json();
    expect(inNotice.total).toBe(1);
  });
});

describe('executive-member duties', () => {
  const R = '/api/v1/honours/duty-rules';
  const D = '/api/v1/honours/duty-records';
  const P = '/api/v1/honours/duty-projects';
  const term = async (s: Session, personId: string, unit: string, startedOn: string, endedOn?: string) => {
    const res = await call(t.app, s, 'POST', '/api/v1/people/role-terms', {
      personId,
      orgUnitId: org.units[unit].id,
      role: 'executiveMember',
      startedOn,
      ...(endedOn ? { endedOn } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const log = (s: Session, memberId: string, unit: string, occurredOn: string, kind = 'contact') =>
    call(t.app, s, 'POST', D, {
      orgUnitId: org.units[unit].id,
      memberId,
      kind,
      occurredOn,
      womenContacted: 3,
      matters: '反映村口路灯不亮',
    });

  it('refuses a duty record dated outside the member’s term, naming the term; nothing written', async () => {
    await term(town, p.wang, 'villageA1', `${year - 2}-01-01`);
    await term(town, p.zhang, 'villageA2', `${year - 2}-01-01`, `${year}-06-30`);
    const before = await count('duty_records');
    const res = await log(villageA2, p.zhang, 'villageA2', `${year}-07-05`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`${year}-07-05不在张桂兰的执委任期内`);
    const noTerm = await log(village, p.li, 'villageA1', `${year}-02-05`);
    expect(noTerm.statusCode).toBe(400);
    expect(noTerm.body).toContain('没有执委任职记录');
    expect(await count('duty_records')).toBe(before);
  });

  it('computes compliance from the records; an independent recount from the raw rows agrees', async () => {
    for (const [name, rhythm, fulfilledBy] of [
      ['每月联系妇女', 'month', 'contact'],
      ['每季度走访重点家庭', 'quarter', 'visit'],
      ['每年领办一个项目', 'year', 'project'],
    ]) {
      const r = await call(t.app, town, 'POST', R, {
        orgUnitId: org.units.townA.id,
        name,
        rhythm,
        fulfilledBy,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    // 王秀英: a contact every month, a visit every quarter, a project done — meets every rule.
    for (let m = 1; m <= 12; m++) {
      const res = await log(village, p.wang, 'villageA1', `${year}-${String(m).padStart(2, '0')}-1${m % 9}`);
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const m of ['02', '05', '08', '11'])
      expect((await log(village, p.wang, 'villageA1', `${year}-${m}-20`, 'visit')).statusCode).toBe(201);
    const proj = await call(t.app, village, 'POST', P, {
      orgUnitId: org.units.villageA1.id,
      memberId: p.wang,
      title: '巾帼电商直播培训',
      claimedOn: `${year}-03-01`,
    });
    expect(proj.statusCode, proj.body).toBe(201);
    const noEvidence = await call(t.app, village, 'PATCH', `${P}/${proj.json().id}`, {
      doneOn: `${year}-09-30`,
      version: 1,
    });
    expect(noEvidence.statusCode).toBe(400);
    const done = await call(t.app, village, 'PATCH', `${P}/${proj.json().id}`, {
      doneOn: `${year}-09-30`,
      evidence: '培训3期，86人次，开网店12家',
      version: 1,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().progress).toBe(100);
    // 张桂兰: contacts January to March only (her term ends in June).
    for (const m of ['01', '02', '03'])
      expect((await log(villageA2, p.zhang, 'villageA2', `${year}-${m}-08`)).statusCode).toBe(201);

    const res = await call(t.app, town, 'GET', `/api/v1/honours/duty-compliance?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ members: 2, compliant: 1, asOf: `${year}-12-31` });
    const wang = c.items.find((i: { memberId: string }) => i.memberId === p.wang);
    expect(wang).toMatchObject({ periodsDue: 17, periodsMet: 17, isCompliant: true });
    const zhang = c.items.find((i: { memberId: string }) => i.memberId === p.zhang);
    // In her term: 6 months, 2 quarters, and the year (it overlaps her term).
    expect(zhang).toMatchObject({ periodsDue: 9, periodsMet: 3, isCompliant: false });

    // Independent recount from raw rows, in plain code.
    const q = (s: string) => t.db.$client.query(s).then((r) => r.rows);
    const terms = await q(
      `select person_id, org_path, started_on::text s, coalesce(ended_on::text,'9999-12-31') e from role_terms where role='executiveMember' and deleted_at is null`,
    );
    const rules = await q(
      `select id, org_path, rhythm, fulfilled_by, times from duty_rules where deleted_at is null`,
    );
    const recs = await q(
      `select member_id, kind, occurred_on::text d from duty_records where deleted_at is null`,
    );
    const projs = await q(
      `select member_id, done_on::text d from duty_projects where deleted_at is null and done_on is not null`,
    );
    const periodsOf = (rhythm: string) => {
      const len = rhythm === 'month' ? 1 : rhythm === 'quarter' ? 3 : 12;
      const out: [string, string][] = [];
      for (let m = 0; m < 12; m += len) {
        const from = new Date(Date.UTC(year, m, 1));
        const to = new Date(Date.UTC(year, m + len, 0));
        out.push([from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)]);
      }
      return out;
    };
    for (const item of c.items) {
      const mine = terms.filter((x) => x.person_id === item.memberId);
      const from = mine.map((x) => x.s).sort()[0];
      const to = mine
        .map((x) => x.e)
        .sort()
        .at(-1);
      const path = mine.sort((a, b) => (a.s < b.s ? 1 : -1))[0].org_path;
      let due = 0;
      let met = 0;
      for (const rule of rules.filter((r) => path.startsWith(r.org_path))) {
        for (const [ps, pe] of periodsOf(rule.rhythm)) {
          if (pe > c.asOf || pe < from || ps > to) continue;
          due++;
          const n =
            rule.fulfilled_by === 'project'
              ? projs.filter((x) => x.member_id === item.memberId && x.d >= ps && x.d <= pe).length
              : recs.filter(
                  (x) =>
                    x.member_id === item.memberId && x.kind === rule.fulfilled_by && x.d >= ps && x.d <= pe,
                ).length;
          if (n >= rule.times) met++;
        }
      }
      expect({ due, met }, item.memberName).toEqual({ due: item.periodsDue, met: item.periodsMet });
    }

    // The indicator reads the same source: members met / behind.
    const ind = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/duties.compliance/values?from=${year}-01-01&to=${year}-12-31&groupBy=status`,
      )
    ).json();
    expect(ind.total).toBe(2);
    expect(
      Object.fromEntries(ind.rows.map((r: { group: string; value: number }) => [r.group, r.value])),
    ).toEqual({
      met: 1,
      behind: 1,
    });
  });

  it('a member’s due list shows each rule period with its state', async () => {
    const res = await call(t.app, village, 'GET', `/api/v1/honours/members/${p.wang}/duties?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(17);
    expect(items.every((i: { state: string }) => i.state === 'met')).toBe(true);
    const other = await call(t.app, village, 'GET', `/api/v1/honours/members/${p.zhang}/duties?year=${year}`);
    expect(other.statusCode).toBe(404);
    const zhang = (
      await call(t.app, town, 'GET', `/api/v1/honours/members/${p.zhang}/duties?year=${year}`)
    ).json();
    expect(zhang.items.filter((i: { state: string }) => i.state === 'missed').length).toBe(6);
  });
});

describe('to-dos: members behind on duties, for their chair', () => {
  it('the town’s dashboard lists the village with a member behind, with the figure behind it', async () => {
    const res = await call(t.app, town, 'GET', `/api/v1/reports/dashboard?year=${year}&month=12`);
    expect(res.statusCode, res.body).toBe(200);
    const todos = res.json().todos.filter((x: { provider: string }) => x.provider === 'duties.behind');
    expect(todos).toEqual([
      expect.objectContaining({
        orgUnitId: org.units.villageA2.id,
        count: 1,
        title: expect.objectContaining({ zh: '甲二村妇联有1名执委履职未达标' }),
        figure: expect.objectContaining({ value: 1 }),
      }),
    ]);
  });
});

describe('annual summary: 选树典型', () => {
  it('the town’s draft names the honours by level and title with figures read from honours.awarded', async () => {
    const res = await call(t.app, town, 'POST', '/api/v1/reports/summaries', { kind: 'annual', year });
    expect(res.statusCode, res.body).toBe(201);
    const section = res.json().content.sections.find((x: { key: string }) => x.key === 'models') as {
      heading: string;
      paragraphs: {
        runs: { kind: string; text?: string; value?: number; indicatorKey?: string; display?: string }[];
      }[];
    };
    expect(section.heading).toBe('选树先进典型，弘扬巾帼新风');
    const runs = section.paragraphs.flatMap((p) => p.runs);
    const textOf = runs.map((r) => (r.kind === 'text' ? r.text : r.display)).join('');
    expect(textOf).toContain('全年共有2个家庭、个人和集体获评各级荣誉');
    expect(textOf).toContain('“最美家庭”1个');
    expect(textOf).toContain('“好媳妇”1个');
    const figures = runs.filter((r) => r.kind === 'figure');
    expect(figures.every((r) => r.indicatorKey === 'honours.awarded')).toBe(true);
    expect(figures[0].value).toBe(2);
  });
});
