import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SummaryContent } from '../../../contracts/reports';
import { hashPassword } from '../../kernel/auth/password';
import { users } from '../../kernel/auth/users.table';
import { uuidv7 } from '../../kernel/db/ids';
import { call, createTestApp, login, type Session, seedOrg, TEST_PASSWORD } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let village: Session;
let helper: Session;
let bystander: Session;
let villageA2: Session;
let helperId: string;
let keyPersonId: string;
let otherKeyPersonId: string;
let volunteerId: string;

const auditRows = async (action: string, entityId: string) =>
  (
    await t.db.$client.query<{ actor_user_id: string; entity_label: string; after: Record<string, unknown> }>(
      'select actor_user_id, entity_label, after from audit_log where action = $1 and entity_id = $2 order by id',
      [action, entityId],
    )
  ).rows;

const addCadre = async (username: string, displayName: string, unitId: string) => {
  const id = uuidv7();
  await t.db.insert(users).values({
    id,
    username,
    displayName,
    role: 'cadre',
    orgUnitId: unitId,
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
  return id;
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  // The paired helper (an executive member with an account) and a same-village cadre not assigned.
  helperId = await addCadre('helperA1', '甲一村执委', org.units.villageA1.id);
  await addCadre('bystanderA1', '甲一村其他干部', org.units.villageA1.id);
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
  helper = await login(t.app, 'helperA1');
  bystander = await login(t.app, 'bystanderA1');
  villageA2 = await login(t.app, 'villageA2');
  const person = async (name: string) =>
    (
      await call(t.app, village, 'POST', '/api/v1/people/persons', {
        orgUnitId: org.units.villageA1.id,
        name,
      })
    ).json().id as string;
  const kp = async (personId: string) =>
    (
      await call(t.app, village, 'POST', '/api/v1/care/key-people', {
        orgUnitId: org.units.villageA1.id,
        personId,
        category: 'womanInDifficulty',
      })
    ).json().id as string;
  keyPersonId = await kp(await person('赵春梅'));
  otherKeyPersonId = await kp(await person('钱小芳'));
  volunteerId = await person('孙志愿');
});
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
});

describe('结对帮扶 and 走访', () => {
  let pairingId: string;
  let pairingVersion: number;
  let visitId: string;

  it('pairs a key person with a helper and a volunteer; errors are in Chinese', async () => {
    const empty = await call(t.app, helper, 'POST', '/api/v1/care/pairings', {
      keyPersonId,
      helpers: [],
      frequency: 'monthly',
      startedOn: '2026-01-05',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请至少选择一名帮扶人');
    const foreignHelper = await call(t.app, village, 'POST', '/api/v1/care/pairings', {
      keyPersonId,
      helpers: [{ userId: org.userIds.villageA2 }],
      frequency: 'monthly',
      startedOn: '2026-01-05',
    });
    expect(foreignHelper.statusCode).toBe(400);
    expect(foreignHelper.body).toContain('帮扶人须为本村或上级妇联的用户');
    const badFrequency = await call(t.app, village, 'POST', '/api/v1/care/pairings', {
      keyPersonId,
      helpers: [{ userId: helperId }],
      frequency: 'daily',
      startedOn: '2026-01-05',
    });
    expect(badFrequency.statusCode).toBe(400);
    expect(badFrequency.body).toContain('请选择走访频次');
    const res = await call(t.app, village, 'POST', '/api/v1/care/pairings', {
      keyPersonId,
      helpers: [{ userId: helperId }, { personId: volunteerId }],
      frequency: 'monthly',
      startedOn: '2026-01-05',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      personName: '赵春梅',
      isMasked: false,
      helpers: [
        { userId: helperId, name: '甲一村执委' },
        { personId: volunteerId, name: '孙志愿' },
      ],
      visitCount: 0,
      lastVisitedOn: null,
      nextDueOn: '2026-02-05',
    });
    pairingId = res.json().id;
    pairingVersion = res.json().version;
    const dup = await call(t.app, village, 'POST', '/api/v1/care/pairings', {
      keyPersonId,
      helpers: [{ userId: helperId }],
      frequency: 'weekly',
      startedOn: '2026-02-01',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('该重点人员已有进行中的结对，请在原结对中增加帮扶人');
  });

  it('lists pairings masked except for the helpers and the author; a full name shown is read-audited', async () => {
    const asHelper = (await call(t.app, helper, 'GET', '/api/v1/care/pairings?mine=1')).json();
    expect(asHelper.items.map((p: { personName: string }) => p.personName)).toEqual(['赵春梅']);
    const listReads = await auditRows('read', pairingId);
    expect(listReads.map((r) => r.after)).toEqual([{ via: 'list' }]);
    expect(listReads[0].entity_label).toBe('赵*梅（困境妇女）结对帮扶');
    const asBystander = await call(t.app, bystander, 'GET', '/api/v1/care/pairings');
    expect(asBystander.json().items[0]).toMatchObject({ personName: '赵*梅', isMasked: true });
    expect(asBystander.body).not.toContain('赵春梅');
    expect((await call(t.app, bystander, 'GET', '/api/v1/care/pairings?mine=1')).json().total).toBe(0);
    const asTown = await call(t.app, town, 'GET', `/api/v1/care/pairings/${pairingId}`);
    expect(asTown.json()).toMatchObject({ personName: '赵*梅', isMasked: true });
    expect((await auditRows('read', pairingId)).at(-1)).toMatchObject({
      actor_user_id: org.userIds.townA,
      after: { via: 'get' },
    });
  });

  it('a visit saves once however often the phone retries; other content under the same id is refused', async () => {
    const id = uuidv7();
    const body = {
      id,
      pairingId,
      visitedOn: '2026-02-01',
      mode: 'home',
      findings: '丈夫外出务工，独自照顾两个孩子，情绪低落',
      help: ['counselling', 'goods'],
      amountFen: 20000,
      nextStep: '下月联系村里公益岗位',
    };
    const bad = await call(t.app, helper, 'POST', '/api/v1/care/visits', {
      ...body,
      mode: 'visit',
      findings: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请选择走访方式');
    expect(bad.body).toContain('请填写走访了解到的情况');
    const early = await call(t.app, helper, 'POST', '/api/v1/care/visits', {
      ...body,
      visitedOn: '2026-01-01',
    });
    expect(early.json().error.message).toBe('走访日期不能早于结对日期');
    const first = await call(t.app, helper, 'POST', '/api/v1/care/visits', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id, personName: '赵春梅', isMasked: false, amountFen: 20000 });
    const [again, third] = await Promise.all([
      call(t.app, helper, 'POST', '/api/v1/care/visits', body),
      call(t.app, helper, 'POST', '/api/v1/care/visits', body),
    ]);
    expect(again.statusCode, again.body).toBe(200);
    expect(third.statusCode, third.body).toBe(200);
    expect(again.json().id).toBe(id);
    const other = await call(t.app, helper, 'POST', '/api/v1/care/visits', { ...body, mode: 'phone' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toBe('该走访记录编号已被使用，请刷新后重新填写');
    const { rows } = await t.db.$client.query(
      'select count(*)::int as n from care_visits where pairing_id = $1',
      [pairingId],
    );
    expect(rows[0].n).toBe(1);
    visitId = id;
    const p = (await call(t.app, helper, 'GET', `/api/v1/care/pairings/${pairingId}`)).json();
    expect(p).toMatchObject({ visitCount: 1, lastVisitedOn: '2026-02-01', nextDueOn: '2026-03-01' });
    pairingVersion = p.version;
    // The log keeps neither her name nor what was found.
    const created = await t.db.$client.query<{ after: Record<string, unknown> }>(
      `select after from audit_log where action = 'create' and entity_id = $1`,
      [id],
    );
    expect(JSON.stringify(created.rows[0].after)).not.toContain('赵春梅');
    expect(JSON.stringify(created.rows[0].after)).not.toContain('情绪低落');
  });

  it('others in scope see the visit masked with no 情况; they reveal it with a reason, logged', async () => {
    const full = (await call(t.app, helper, 'GET', `/api/v1/care/visits?pairingId=${pairingId}`)).json();
    expect(full.items[0]).toMatchObject({
      personName: '赵春梅',
      findings: expect.stringContaining('情绪低落'),
    });
    const masked = await call(t.app, bystander, 'GET', `/api/v1/care/visits/${visitId}`);
    expect(masked.json()).toMatchObject({
      personName: '赵*梅',
      isMasked: true,
      findings: null,
      nextStep: null,
    });
    expect(masked.body).not.toContain('情绪低落');
    const townList = await call(t.app, town, 'GET', '/api/v1/care/visits');
    expect(townList.body).not.toContain('情绪低落');
    expect(townList.body).not.toContain('赵春梅');
    const noReason = await call(t.app, town, 'POST', `/api/v1/care/visits/${visitId}/reveal`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请说明查看原因');
    const revealed = await call(t.app, town, 'POST', `/api/v1/care/visits/${visitId}/reveal`, {
      reason: '镇妇联核实帮扶物资发放',
    });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toMatchObject({ personName: '赵春梅', nextStep: '下月联系村里公益岗位' });
    const logged = await auditRows('viewSensitive', visitId);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      actor_user_id: org.userIds.townA,
      after: { via: 'reveal', reason: '镇妇联核实帮扶物资发放' },
    });
    // A masked reader cannot write over what was found.
    const blind = await call(t.app, bystander, 'PATCH', `/api/v1/care/visits/${visitId}`, {
      findings: '改写',
      version: masked.json().version,
    });
    expect(blind.statusCode).toBe(403);
    // The data officer's access log lists the reveal and the reads.
    const log = await call(t.app, town, 'GET', `/api/v1/care/access-log?entityId=${visitId}`);
    expect(log.json().items.map((e: { via: string }) => e.via)).toEqual(
      expect.arrayContaining(['reveal', 'get']),
    );
  });

  it('a village cannot see or touch another village’s pairings and visits', async () => {
    for (const url of [`/api/v1/care/pairings/${pairingId}`, `/api/v1/care/visits/${visitId}`]) {
      const res = await call(t.app, villageA2, 'GET', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('赵');
    }
    const lists = await Promise.all(
      ['/api/v1/care/pairings?state=all', '/api/v1/care/visits', '/api/v1/care/pairings?overdue=1'].map((u) =>
        call(t.app, villageA2, 'GET', u),
      ),
    );
    for (const l of lists) expect(l.json().total).toBe(0);
    const foreignList = await call(
      t.app,
      villageA2,
      'GET',
      `/api/v1/care/visits?orgUnitId=${org.units.villageA1.id}`,
    );
    expect([403, 404]).toContain(foreignList.statusCode);
    const visit = await call(t.app, villageA2, 'POST', '/api/v1/care/visits', {
      pairingId,
      visitedOn: '2026-02-02',
      mode: 'phone',
      findings: '越权登记',
    });
    expect(visit.statusCode).toBe(404);
    // Reusing another village's visit id answers a plain 409, naming nothing.
    const reuse = await call(t.app, villageA2, 'POST', '/api/v1/care/visits', {
      id: visitId,
      pairingId,
      visitedOn: '2026-02-01',
      mode: 'home',
      findings: '丈夫外出务工，独自照顾两个孩子，情绪低落',
    });
    expect([404, 409]).toContain(reuse.statusCode);
    expect(reuse.body).not.toContain('赵');
    const end = await call(t.app, villageA2, 'POST', `/api/v1/care/pairings/${pairingId}/end`, {
      endedOn: '2026-03-01',
      reason: '越权结束',
      version: pairingVersion,
    });
    expect(end.statusCode).toBe(404);
    // Each refusal is an accessDenied row (written by a hook that is not awaited: give it a moment).
    await new Promise((r) => setTimeout(r, 300));
    const denied = await t.db.$client.query(
      `select count(*)::int as n from audit_log where action = 'accessDenied' and actor_user_id = $1`,
      [org.userIds.villageA2],
    );
    expect(denied.rows[0].n).toBeGreaterThan(0);
  });

  it('version conflicts, soft delete and restore', async () => {
    const stale = await call(t.app, village, 'PATCH', `/api/v1/care/pairings/${pairingId}`, {
      frequency: 'weekly',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const changed = await call(t.app, village, 'PATCH', `/api/v1/care/pairings/${pairingId}`, {
      frequency: 'biweekly',
      version: pairingVersion,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ frequency: 'biweekly', nextDueOn: '2026-02-15' });
    pairingVersion = changed.json().version;
    const withVisits = await call(
      t.app,
      village,
      'DELETE',
      `/api/v1/care/pairings/${pairingId}?version=${pairingVersion}`,
    );
    expect(withVisits.statusCode).toBe(409);
    expect(withVisits.json().error.message).toContain('该结对已有走访记录，不能删除');
    const v = (await call(t.app, helper, 'GET', `/api/v1/care/visits/${visitId}`)).json();
    const staleVisit = await call(
      t.app,
      helper,
      'DELETE',
      `/api/v1/care/visits/${visitId}?version=${v.version + 5}`,
    );
    expect(staleVisit.statusCode).toBe(409);
    const gone = await call(t.app, helper, 'DELETE', `/api/v1/care/visits/${visitId}?version=${v.version}`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await call(t.app, helper, 'GET', '/api/v1/care/visits')).json().total).toBe(0);
    expect((await call(t.app, helper, 'GET', '/api/v1/care/visits?status=deleted')).json().total).toBe(1);
    const p = (await call(t.app, helper, 'GET', `/api/v1/care/pairings/${pairingId}`)).json();
    expect(p).toMatchObject({ visitCount: 0, lastVisitedOn: null });
    const back = await call(t.app, helper, 'POST', `/api/v1/care/visits/${visitId}/restore`, {
      version: gone.json().version,
    });
    expect(back.statusCode, back.body).toBe(200);
    // A pairing without visits is deleted and restored.
    const bare = await call(t.app, village, 'POST', '/api/v1/care/pairings', {
      keyPersonId: otherKeyPersonId,
      helpers: [{ personId: volunteerId }],
      frequency: 'quarterly',
      startedOn: '2026-01-10',
    });
    expect(bare.statusCode, bare.body).toBe(201);
    const del = await call(
      t.app,
      village,
      'DELETE',
      `/api/v1/care/pairings/${bare.json().id}?version=${bare.json().version}`,
    );
    expect(del.statusCode, del.body).toBe(200);
    const res = await call(t.app, village, 'POST', `/api/v1/care/pairings/${bare.json().id}/restore`, {
      version: del.json().version,
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('overdue: a pairing whose last visit is older than its frequency, on a fixed clock', async () => {
    const pairing = (await call(t.app, helper, 'GET', `/api/v1/care/pairings/${pairingId}`)).json();
    // Biweekly since the visit of 2026-02-01: due 2026-02-15.
    expect(pairing.nextDueOn).toBe('2026-02-15');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-15T04:00:00Z'));
    const onTime = (await call(t.app, village, 'GET', '/api/v1/care/pairings?overdue=1')).json();
    expect(onTime.items.map((p: { id: string }) => p.id)).not.toContain(pairingId);
    const dueDay = (await call(t.app, village, 'GET', `/api/v1/care/pairings/${pairingId}`)).json();
    expect(dueDay.isOverdue).toBe(false);
    vi.setSystemTime(new Date('2026-02-16T04:00:00Z'));
    const late = (await call(t.app, village, 'GET', '/api/v1/care/pairings?overdue=1')).json();
    expect(late.items.map((p: { id: string }) => p.id)).toContain(pairingId);
    expect(late.items.find((p: { id: string }) => p.id === pairingId).isOverdue).toBe(true);
    const figure = (
      await call(
        t.app,
        town,
        'GET',
        '/api/v1/indicators/care.visitsOverdue/values?from=2026-02-01&to=2026-02-28&groupBy=frequency',
      )
    ).json();
    expect(figure.rows).toEqual([expect.objectContaining({ group: 'biweekly', value: 1 })]);
    // The to-do on the village's dashboard.
    const dash = await call(t.app, village, 'GET', '/api/v1/reports/dashboard?year=2026&month=2');
    expect(dash.statusCode, dash.body).toBe(200);
    const todo = dash.json().todos.find((x: { provider: string }) => x.provider === 'care.visitsOverdue');
    expect(todo, JSON.stringify(dash.json().todos)).toMatchObject({ count: 1, level: 'overdue' });
    expect(todo.title.zh).toContain('有1个结对帮扶对象已超过约定频次未走访');
    // As of January's end the visit of 02-01 was still to come: due 01-19 (the start plus two weeks).
    const january = (
      await call(
        t.app,
        town,
        'GET',
        '/api/v1/indicators/care.visitsOverdue/values?from=2026-01-01&to=2026-01-31',
      )
    ).json();
    expect(january.total).toBe(1);
    vi.useRealTimers();
    // A visit puts it right; ending the pairing takes it off for good.
    const visit = await call(t.app, helper, 'POST', '/api/v1/care/visits', {
      pairingId,
      visitedOn: '2026-02-20',
      mode: 'phone',
      findings: '电话了解，孩子已返校，情绪好转',
      help: ['policy'],
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const fresh = (await call(t.app, helper, 'GET', `/api/v1/care/pairings/${pairingId}`)).json();
    expect(fresh).toMatchObject({ lastVisitedOn: '2026-02-20', nextDueOn: '2026-03-06' });
    const noReason = await call(t.app, village, 'POST', `/api/v1/care/pairings/${pairingId}/end`, {
      endedOn: '2026-03-01',
      reason: '',
      version: fresh.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请说明结束结对的原因');
    const ended = await call(t.app, village, 'POST', `/api/v1/care/pairings/${pairingId}/end`, {
      endedOn: '2026-03-01',
      reason: '已就业，家庭收入稳定',
      version: fresh.version,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endedOn: '2026-03-01', nextDueOn: null, isOverdue: false });
    const afterEnd = await call(t.app, helper, 'POST', '/api/v1/care/visits', {
      pairingId,
      visitedOn: '2026-03-02',
      mode: 'phone',
      findings: '结束后再登记',
    });
    expect(afterEnd.statusCode).toBe(409);
    expect(afterEnd.json().error.message).toBe('该结对已结束，不能修改或登记走访');
    expect((await call(t.app, village, 'GET', '/api/v1/care/pairings?state=ended')).json().total).toBe(1);
    // The other pairing (quarterly from 2026-01-10, never visited) is overdue by May; once she is
    // closed (销号, approved by the town) no visit is due any more.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-01T04:00:00Z'));
    const may = (await call(t.app, village, 'GET', '/api/v1/care/pairings?overdue=1')).json();
    expect(may.items.map((p: { keyPersonId: string }) => p.keyPersonId)).toEqual([otherKeyPersonId]);
    vi.useRealTimers();
    const kp = (await call(t.app, village, 'GET', `/api/v1/care/key-people/${otherKeyPersonId}`)).json();
    const asked = await call(
      t.app,
      village,
      'POST',
      `/api/v1/care/key-people/${otherKeyPersonId}/close-request`,
      {
        reason: '已外出务工，随迁',
        version: kp.version,
      },
    );
    expect(asked.statusCode, asked.body).toBe(200);
    const approved = await call(
      t.app,
      town,
      'POST',
      `/api/v1/care/key-people/${otherKeyPersonId}/close-decision`,
      {
        approve: true,
        version: asked.json().version,
      },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-01T04:00:00Z'));
    expect((await call(t.app, village, 'GET', '/api/v1/care/pairings?overdue=1')).json().total).toBe(0);
    vi.useRealTimers();
  });

  it('figures: pairings in force, visits by mode, people visited — no names', async () => {
    const values = async (key: string, extra = '') =>
      (
        await call(
          t.app,
          town,
          'GET',
          `/api/v1/indicators/${key}/values?from=2026-01-01&to=2026-02-28${extra}`,
        )
      ).json();
    expect((await values('care.pairings')).total).toBe(2);
    // Today one pairing has been ended and the other's key person closed (销号, approved above): none is
    // in force, though nobody ended the second pairing.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const now = await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/care.pairings/values?from=${today}&to=${today}`,
    );
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json().total).toBe(0);
    expect((await values('care.visits', '&groupBy=mode')).rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ group: 'home', value: 1 }),
        expect.objectContaining({ group: 'phone', value: 1 }),
      ]),
    );
    expect((await values('care.visitedPeople')).total).toBe(1);
    const drill = await call(
      t.app,
      town,
      'GET',
      '/api/v1/indicators/care.visits/records?from=2026-01-01&to=2026-12-31&pageSize=50',
    );
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.body).not.toContain('赵春梅');
    expect(drill.body).not.toContain('赵*梅');
    expect(drill.body).not.toContain('情绪');
  });

  it('the annual summary’s 维权关爱 section mentions the pairings and visits, each number a figure', async () => {
    const res = await call(t.app, village, 'POST', '/api/v1/reports/summaries', {
      orgUnitId: org.units.villageA1.id,
      kind: 'annual',
      year: 2026,
    });
    expect(res.statusCode, res.body).toBe(201);
    const care = (res.json().content as SummaryContent).sections.find((s) => s.id === 's-care');
    const point = care?.paragraphs.find((p) => p.id === 'care-p3');
    expect(point, JSON.stringify(care)).toBeTruthy();
    const runs = point?.runs ?? [];
    const text = runs.map((r) => (r.kind === 'text' ? r.text : r.display)).join('');
    // Both key people were paired in 2026 (one pairing ended on 2026-03-01, the other person was closed since).
    expect(text).toContain('组织执委、志愿者与2名重点人员结对帮扶。');
    expect(text).toContain('全年开展走访2次，走访重点人员1人。');
    expect(runs.flatMap((r) => (r.kind === 'figure' ? [`${r.indicatorKey}=${r.value}`] : []))).toEqual([
      'care.pairings=2',
      'care.visits=2',
      'care.visitedPeople=1',
    ]);
    expect(text).not.toContain('赵');
  });
});
