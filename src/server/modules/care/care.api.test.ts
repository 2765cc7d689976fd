import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../kernel/auth/password';
import { users } from '../../kernel/auth/users.table';
import { uuidv7 } from '../../kernel/db/ids';
import { shanghaiToday } from '../../kernel/time/calendar';
import { call, createTestApp, login, type Session, seedOrg, TEST_PASSWORD } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let village: Session;
let colleague: Session;
let villageA2: Session;
let personId: string;
let childId: string;
const today = shanghaiToday();
const month = today.slice(0, 7);
const year = today.slice(0, 4);

const auditRows = async (action: string, entityId: string) =>
  (
    await t.db.$client.query<{ actor_user_id: string; entity_label: string; after: Record<string, unknown> }>(
      'select actor_user_id, entity_label, after from audit_log where action = $1 and entity_id = $2 order by id',
      [action, entityId],
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  // A second cadre of the same village, not assigned to the case below.
  await t.db.insert(users).values({
    id: uuidv7(),
    username: 'colleagueA1',
    displayName: '甲一村同事',
    role: 'cadre',
    orgUnitId: org.units.villageA1.id,
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
  colleague = await login(t.app, 'colleagueA1');
  villageA2 = await login(t.app, 'villageA2');
  const p = await call(t.app, village, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '王秀英',
  });
  personId = p.json().id;
  const c = await call(t.app, village, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '李小红',
  });
  childId = c.json().id;
});
afterAll(() => t.close());

describe('key people and monthly screening', () => {
  let keyPersonId: string;

  it('records a key person: the list masks her name, a get shows it in full and is read-audited', async () => {
    const res = await call(t.app, village, 'POST', '/api/v1/care/key-people', {
      orgUnitId: org.units.villageA1.id,
      personId,
      category: 'leftBehindWoman',
    });
    expect(res.statusCode, res.body).toBe(201);
    keyPersonId = res.json().id;
    const dup = await call(t.app, village, 'POST', '/api/v1/care/key-people', {
      orgUnitId: org.units.villageA1.id,
      personId,
      category: 'leftBehindWoman',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('该人员已在此类别的重点人群名册中');
    const list = await call(t.app, town, 'GET', '/api/v1/care/key-people');
    expect(list.json().items.map((k: { personName: string }) => k.personName)).toEqual(['王*英']);
    expect(list.body).not.toContain('王秀英');
    const got = await call(t.app, town, 'GET', `/api/v1/care/key-people/${keyPersonId}`);
    expect(got.json().personName).toBe('王秀英');
    const reads = await auditRows('read', keyPersonId);
    expect(reads).toHaveLength(1);
    expect(reads[0].actor_user_id).toBe(org.userIds.townA);
    expect(reads[0].after).toEqual({ via: 'get' });
    // The log's label is masked too.
    expect(reads[0].entity_label).toBe('王*英（留守妇女）');
  });

  it('one screening a month; red needs a referral; the checklist shows who is left', async () => {
    const before = await call(t.app, village, 'GET', `/api/v1/care/checklist?month=${month}`);
    expect(before.json()).toMatchObject({ screened: 0, missing: 1 });
    const red = await call(t.app, village, 'POST', '/api/v1/care/screenings', {
      keyPersonId,
      month,
      screenedOn: today,
      risk: 'red',
      reason: '丈夫酗酒后动手',
    });
    expect(red.statusCode).toBe(400);
    expect(red.body).toContain('红色等级须转介');
    const ok = await call(t.app, village, 'POST', '/api/v1/care/screenings', {
      keyPersonId,
      month,
      screenedOn: today,
      risk: 'red',
      reason: '丈夫酗酒后动手',
      referralTo: 'police',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ risk: 'red', referralStatus: 'open', personName: '王秀英' });
    const again = await call(t.app, village, 'POST', '/api/v1/care/screenings', {
      keyPersonId,
      month,
      screenedOn: today,
      risk: 'green',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该人员本月已排查，请修改本月的排查记录');
    const after = await call(t.app, village, 'GET', `/api/v1/care/checklist?month=${month}`);
    expect(after.json()).toMatchObject({ screened: 1, missing: 0 });
    expect(after.json().items[0]).toMatchObject({ personName: '王*英', screening: { risk: 'red' } });
    const follow = await call(t.app, village, 'PATCH', `/api/v1/care/screenings/${ok.json().id}`, {
      referralStatus: 'followingUp',
      version: ok.json().version,
    });
    expect(follow.json().referralStatus).toBe('followingUp');
    const kp = await call(t.app, village, 'GET', `/api/v1/care/key-people/${keyPersonId}`);
    expect(kp.json()).toMatchObject({ latestRisk: 'red', latestMonth: month });
  });

  it('closing (销号) is asked by the village with a reason and approved only above it', async () => {
    const kp = (await call(t.app, village, 'GET', `/api/v1/care/key-people/${keyPersonId}`)).json();
    const asked = await call(t.app, village, 'POST', `/api/v1/care/key-people/${keyPersonId}/close-request`, {
      reason: '丈夫返乡，家庭矛盾已化解',
      version: kp.version,
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().status).toBe('closing');
    const self = await call(t.app, village, 'POST', `/api/v1/care/key-people/${keyPersonId}/close-decision`, {
      approve: true,
      version: asked.json().version,
    });
    expect(self.statusCode).toBe(403);
    const approved = await call(
      t.app,
      town,
      'POST',
      `/api/v1/care/key-people/${keyPersonId}/close-decision`,
      {
        approve: true,
        version: asked.json().version,
      },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'closed', closedOn: today });
    const list = await call(t.app, village, 'GET', '/api/v1/care/key-people');
    expect(list.json().total).toBe(0);
    const closed = await call(t.app, village, 'GET', '/api/v1/care/key-people?status=closed');
    expect(closed.json().total).toBe(1);
  });

  it('a screening referral opens a case linked to the key person; another village cannot link her', async () => {
    const referral = {
      orgUnitId: org.units.villageA1.id,
      source: 'screening',
      disputeType: 'domesticViolence',
      parties: [{ name: '王秀英' }],
      keyPersonId,
      receivedOn: today,
    };
    const res = await call(t.app, village, 'POST', '/api/v1/care/cases', referral);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'screening', keyPersonId });
    const foreign = await call(t.app, villageA2, 'POST', '/api/v1/care/cases', {
      ...referral,
      orgUnitId: org.units.villageA2.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('重点人员不存在或已被删除');
    // Out of the way of the counts below.
    const del = await call(
      t.app,
      village,
      'DELETE',
      `/api/v1/care/cases/${res.json().id}?version=${res.json().version}`,
    );
    expect(del.statusCode).toBe(200);
  });
});

describe('mediation cases', () => {
  let caseId: string;
  let version: number;

  it('the assigned worker sees the parties; a same-village colleague sees them masked and may reveal with a reason', async () => {
    const res = await call(t.app, village, 'POST', '/api/v1/care/cases', {
      orgUnitId: org.units.villageA1.id,
      source: 'hotline',
      ticketNo: 'GD2026-0001',
      replyDueOn: today,
      disputeType: 'inLaws',
      parties: [
        { name: '张桂兰', role: 'applicant' },
        { name: '刘翠花', role: 'respondent' },
      ],
      receivedOn: today,
    });
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().id;
    expect(res.json()).toMatchObject({
      isMasked: false,
      assignedUserId: org.userIds.villageA1,
      status: 'open',
    });
    const noTicket = await call(t.app, village, 'POST', '/api/v1/care/cases', {
      orgUnitId: org.units.villageA1.id,
      source: 'hotline',
      disputeType: 'inLaws',
      parties: [{ name: '某某' }],
      receivedOn: today,
    });
    expect(noTicket.statusCode).toBe(400);
    const mine = await call(t.app, village, 'GET', `/api/v1/care/cases/${caseId}`);
    expect(mine.json().parties[0].name).toBe('张桂兰');
    const theirs = await call(t.app, colleague, 'GET', `/api/v1/care/cases/${caseId}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({ isMasked: true });
    expect(theirs.body).not.toContain('张桂兰');
    const list = await call(t.app, village, 'GET', '/api/v1/care/cases');
    expect(list.body).not.toContain('张桂兰');
    const revealed = await call(t.app, colleague, 'POST', `/api/v1/care/cases/${caseId}/reveal`, {
      reason: '承办人休假，代为回访',
    });
    expect(revealed.json().parties.map((p: { name: string }) => p.name)).toEqual(['张桂兰', '刘翠花']);
    expect((await auditRows('read', caseId)).length).toBe(2);
    const [reveal] = await auditRows('viewSensitive', caseId);
    expect(reveal.after).toEqual({ via: 'reveal', reason: '承办人休假，代为回访' });
    // The audit images never hold the parties in full.
    const created = await auditRows('create', caseId);
    expect(JSON.stringify(created)).not.toContain('张桂兰');
    version = mine.json().version;
  });

  it('sessions, closing with an outcome, no edit once closed, reopen with a reason', async () => {
    const s = await call(t.app, village, 'POST', `/api/v1/care/cases/${caseId}/sessions`, {
      heldOn: today,
      attendees: '双方当事人、村妇联主席',
      notes: '双方同意分开居住',
      version,
    });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json().sessions).toHaveLength(1);
    const closed = await call(t.app, village, 'POST', `/api/v1/care/cases/${caseId}/close`, {
      outcome: 'agreement',
      closedOn: today,
      version: s.json().version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'agreement' });
    expect(closed.json().followUpDueOn > today).toBe(true);
    const edit = await call(t.app, village, 'PATCH', `/api/v1/care/cases/${caseId}`, {
      summary: '改写',
      version: closed.json().version,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('已结案');
    const session = await call(t.app, village, 'POST', `/api/v1/care/cases/${caseId}/sessions`, {
      heldOn: today,
      attendees: '某',
      version: closed.json().version,
    });
    expect(session.statusCode).toBe(409);
    const noReason = await call(t.app, village, 'POST', `/api/v1/care/cases/${caseId}/reopen`, {
      reason: '',
      version: closed.json().version,
    });
    expect(noReason.statusCode).toBe(400);
    const reopened = await call(t.app, village, 'POST', `/api/v1/care/cases/${caseId}/reopen`, {
      reason: '协议未履行，申请人再次求助',
      version: closed.json().version,
    });
    expect(reopened.json()).toMatchObject({
      status: 'open',
      outcome: null,
      reopenReason: '协议未履行，申请人再次求助',
    });
    version = reopened.json().version;
  });

  it("another village's case by id through any route: 404 like a missing one, and the denial is logged", async () => {
    const missing = '0193a5b2-7c1e-7000-8000-000000000000';
    for (const [method, path, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { summary: '越权', version }],
      ['POST', '/reveal', { reason: '越权查看' }],
      ['POST', '/sessions', { heldOn: today, attendees: '某', version }],
      ['POST', '/close', { outcome: 'withdrawn', closedOn: today, version }],
    ] as const) {
      const res = await call(t.app, villageA2, method, `/api/v1/care/cases/${caseId}${path}`, body);
      const none = await call(t.app, villageA2, method, `/api/v1/care/cases/${missing}${path}`, body);
      expect(res.statusCode, `${method} ${path}`).toBe(404);
      expect(res.body).toBe(none.body);
    }
    await expect
      .poll(
        async () =>
          (
            await t.db.$client.query(
              "select count(*)::int as n from audit_log where action = 'accessDenied' and actor_user_id = $1",
              [org.userIds.villageA2],
            )
          ).rows[0].n,
      )
      .toBeGreaterThan(0);
    // No read was logged for her: she never saw it.
    const reads = await auditRows('read', caseId);
    expect(reads.every((r) => r.actor_user_id !== org.userIds.villageA2)).toBe(true);
  });

  it('the data officer reads the log of care reads; a village cannot', async () => {
    const log = await call(t.app, town, 'GET', '/api/v1/care/access-log?pageSize=50');
    expect(log.statusCode, log.body).toBe(200);
    const mine = log.json().items.filter((e: { entityId: string }) => e.entityId === caseId);
    expect(mine.map((e: { action: string }) => e.action).sort()).toEqual(['read', 'read', 'viewSensitive']);
    expect(mine.find((e: { action: string }) => e.action === 'viewSensitive').reason).toBe(
      '承办人休假，代为回访',
    );
    expect(log.body).not.toContain('张桂兰');
    const refused = await call(t.app, village, 'GET', '/api/v1/care/access-log');
    expect(refused.statusCode).toBe(403);
  });

  it('indicators count without identities', async () => {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const values = async (key: string, extra = '') =>
      (
        await call(t.app, town, 'GET', `/api/v1/indicators/${key}/values?from=${from}&to=${to}${extra}`)
      ).json();
    expect((await values('care.disputes')).total).toBe(1);
    expect((await values('care.screened')).total).toBe(1);
    const byType = await values('care.disputes', '&groupBy=disputeType');
    expect(byType.rows).toEqual([expect.objectContaining({ group: 'inLaws', value: 1 })]);
    const k = await call(t.app, village, 'POST', '/api/v1/care/key-people', {
      orgUnitId: org.units.villageA1.id,
      personId: childId,
      category: 'leftBehindChild',
    });
    expect(k.statusCode).toBe(201);
    expect((await values('care.keyPeople', '&groupBy=risk')).rows).toEqual([
      expect.objectContaining({ group: 'unscreened', value: 1 }),
    ]);
    expect((await values('care.missingScreenings')).total).toBeGreaterThanOrEqual(1);
    const drill = await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/care.keyPeople/records?from=${from}&to=${to}&pageSize=50`,
    );
    expect(drill.json().items[0].label).toBe('留守儿童');
    // The month's missing screening is the village's to-do on the dashboard.
    const dash = await call(
      t.app,
      village,
      'GET',
      `/api/v1/reports/dashboard?year=${year}&month=${Number(month.slice(5))}`,
    );
    expect(dash.statusCode, dash.body).toBe(200);
    const todo = dash.json().todos.find((x: { provider: string }) => x.provider === 'care.missingScreenings');
    expect(todo, JSON.stringify(dash.json().todos)).toMatchObject({ count: 1 });
    expect(todo.title.zh).toContain('1名重点人员尚未排查');
    // A 12345 ticket whose reply deadline passed without a reply is an overdue clock.
    const late = await call(t.app, village, 'POST', '/api/v1/care/cases', {
      orgUnitId: org.units.villageA1.id,
      source: 'hotline',
      ticketNo: 'GD-LATE',
      replyDueOn: '2020-01-10',
      disputeType: 'neighbours',
      parties: [{ name: '某甲' }],
      receivedOn: '2020-01-05',
    });
    expect(late.statusCode, late.body).toBe(201);
    const clocks = (
      await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/care.casesOverdue/values?from=${from}&to=${to}&groupBy=clock`,
      )
    ).json();
    expect(clocks.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ group: 'reply', value: 1 }),
        expect.objectContaining({ group: 'limit', value: 1 }),
      ]),
    );
    const dash2 = await call(
      t.app,
      village,
      'GET',
      `/api/v1/reports/dashboard?year=${year}&month=${Number(month.slice(5))}`,
    );
    const overdue = dash2.json().todos.find((x: { provider: string }) => x.provider === 'care.casesOverdue');
    expect(overdue).toMatchObject({ level: 'overdue' });
    expect(overdue.count).toBeGreaterThanOrEqual(2);
    expect(drill.body).not.toContain('李小红');
    expect(drill.body).not.toContain('李*红');
  });
});
