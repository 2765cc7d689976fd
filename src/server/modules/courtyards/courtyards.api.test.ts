import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRubricRules } from '../../../contracts/courtyards';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
let town: Session;
const B = '/api/v1/courtyards';
const ids = { rubric: '', household: '', household2: '', chairA2: '', chairA1: '', group: '', group2: '' };

const jpeg = sharp({ create: { width: 16, height: 16, channels: 3, background: '#3a3' } })
  .jpeg()
  .toBuffer();
const upload = async (session: Session, url: string) =>
  uploadFile(t.app, session, url, await jpeg, 'p.jpg', 'image/jpeg');

const inspect = (session: Session, body: Record<string, unknown>) =>
  call(t.app, session, 'POST', `${B}/inspections`, { householdId: ids.household, kind: 'monthly', ...body });

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  const a1 = await login(t.app, 'villageA1');
  const a2 = await login(t.app, 'villageA2');
  const hh = await call(t.app, a1, 'POST', '/api/v1/people/households', {
    orgUnitId: org.units.villageA1.id,
    address: '甲一村东岭路',
    houseNumber: '8号',
  });
  ids.household = hh.json().id;
  const head = await call(t.app, a1, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '张秀华',
    householdId: ids.household,
    phone: '13900001111',
  });
  await call(t.app, a1, 'PATCH', `/api/v1/people/households/${ids.household}`, {
    headPersonId: head.json().id,
    version: 1,
  });
  const hh2 = await call(t.app, a1, 'POST', '/api/v1/people/households', {
    orgUnitId: org.units.villageA1.id,
    address: '甲一村东岭路',
    houseNumber: '9号',
  });
  ids.household2 = hh2.json().id;
  ids.chairA2 = (
    await call(t.app, a2, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units.villageA2.id,
      name: '李主任',
    })
  ).json().id;
  ids.chairA1 = (
    await call(t.app, a1, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units.villageA1.id,
      name: '王主任',
    })
  ).json().id;
});
afterAll(() => t.close());

describe('rubric versions', () => {
  it('before any rubric, an inspection is refused with a message saying what to do', async () => {
    const res = await inspect(town, { inspectedOn: '2026-08-28' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('尚未设置评分细则');
  });

  it('the county defines the 示例 rubric; the town inherits it', async () => {
    const res = await call(t.app, county, 'POST', `${B}/rubrics`, {
      orgUnitId: org.units.county.id,
      year: 2026,
      name: '美丽庭院量化评分细则（示例）',
      isExample: true,
      rules: defaultRubricRules,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ versionNo: 1, isCurrent: true, maxPoints: 100, inspectionCount: 0 });
    ids.rubric = res.json().id;
    const eff = await call(
      t.app,
      town,
      'GET',
      `${B}/rubrics/effective?orgUnitId=${org.units.villageA1.id}&year=2026`,
    );
    expect(eff.json()).toMatchObject({ isInherited: true, rubric: { id: ids.rubric } });
    const bad = await call(t.app, county, 'POST', `${B}/rubrics`, {
      orgUnitId: org.units.county.id,
      year: 2026,
      name: '错误细则',
      rules: { ...defaultRubricRules, thresholds: { clean: 90, model: 80, premium: 95 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('清洁户 ≤ 示范户 ≤ 精品户');
  });

  it('a town may not change the county rubric', async () => {
    const res = await call(t.app, town, 'PATCH', `${B}/rubrics/${ids.rubric}`, { name: '改名', version: 1 });
    // She scores with it, so the refusal names its owner rather than saying it does not exist.
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/^无权操作：该评分细则由测试县妇联制定/);
  });
});

describe('groups and the month assignment', () => {
  it('creates groups from village chairs; generation never sends a chair to her own village and rotates', async () => {
    const g1 = await call(t.app, town, 'POST', `${B}/groups`, {
      orgUnitId: org.units.townA.id,
      name: '第一组',
      memberIds: [ids.chairA2],
    });
    const g2 = await call(t.app, town, 'POST', `${B}/groups`, {
      orgUnitId: org.units.townA.id,
      name: '第二组',
      memberIds: [ids.chairA1],
    });
    expect(g1.statusCode, g1.body).toBe(201);
    expect(g1.json().homeVillageIds).toEqual([org.units.villageA2.id]);
    ids.group = g1.json().id;
    ids.group2 = g2.json().id;
    const gen = await call(t.app, town, 'POST', `${B}/assignments/generate`, {
      townId: org.units.townA.id,
      month: '2026-09',
    });
    expect(gen.statusCode, gen.body).toBe(200);
    const byVillage = Object.fromEntries(
      gen.json().items.map((i: { villageId: string; groupId: string }) => [i.villageId, i.groupId]),
    );
    expect(byVillage[org.units.villageA1.id]).toBe(ids.group);
    expect(byVillage[org.units.villageA2.id]).toBe(ids.group2);
    const again = await call(t.app, town, 'POST', `${B}/assignments/generate`, {
      townId: org.units.townA.id,
      month: '2026-09',
    });
    expect(again.statusCode).toBe(409);
    // The chair swaps them by hand: the page flags both as own-village.
    const saved = await call(t.app, town, 'PUT', `${B}/assignments`, {
      townId: org.units.townA.id,
      month: '2026-10',
      items: [
        { villageId: org.units.villageA1.id, groupId: ids.group2 },
        { villageId: org.units.villageA2.id, groupId: ids.group },
      ],
    });
    expect(saved.json().items.every((i: { isOwnVillage: boolean }) => i.isOwnVillage)).toBe(true);
    const res = await call(t.app, town, 'PUT', `${B}/assignments`, {
      townId: org.units.townA.id,
      month: '2026-10',
      items: [
        { villageId: org.units.villageA1.id, groupId: ids.group },
        { villageId: org.units.villageA2.id, groupId: ids.group2 },
      ],
    });
    expect(res.json().items.some((i: { isOwnVillage: boolean }) => i.isOwnVillage)).toBe(false);
  });

  it('a village chair of another town cannot be a member', async () => {
    const b1 = await login(t.app, 'villageB1');
    const p = await call(t.app, b1, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units.villageB1.id,
      name: '外镇人',
    });
    const res = await call(t.app, town, 'POST', `${B}/groups`, {
      orgUnitId: org.units.townA.id,
      name: '错组',
      memberIds: [p.json().id],
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('inspection → rectification → rating → plaque → 公示', () => {
  let inspectionId = '';
  let rectificationId = '';

  it('scores on the server with the same rules as the form; a retry with the same id is no duplicate', async () => {
    const body = {
      id: '01937a2e-0000-7000-8000-000000000001',
      inspectedOn: '2026-08-28',
      groupId: ids.group,
      deductions: [
        { itemCode: 'kitchen', reasonCode: 'grease', reason: '厨房墙壁油污', points: 3, isRectifying: true },
      ],
    };
    const first = await inspect(town, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      totalScore: 97,
      rating: 'premium',
      month: '2026-08',
      rubricId: ids.rubric,
    });
    expect(first.json().rectificationIds).toHaveLength(1);
    const retry = await inspect(town, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    inspectionId = first.json().id;
    rectificationId = first.json().rectificationIds[0];
    const second = await inspect(town, { inspectedOn: '2026-08-30' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('已有月底入户检查记录');
    const wrong = await inspect(town, {
      inspectedOn: '2026-08-29',
      kind: 'spotCheck',
      itemScores: [{ itemCode: 'poultry', score: 9 }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('0到5分');
  });

  it('the rectification has a 7-day deadline, needs an after-photo to be fixed, then is verified', async () => {
    const r = await call(t.app, town, 'GET', `${B}/rectifications/${rectificationId}`);
    expect(r.json()).toMatchObject({
      deadline: '2026-09-04',
      status: 'open',
      isOverdue: true,
      ownerName: '张秀华',
    });
    const board = await call(t.app, town, 'GET', `${B}/rectifications/board`);
    expect(board.json().villages[0]).toMatchObject({ orgUnitId: org.units.villageA1.id, overdue: 1 });
    const early = await call(t.app, town, 'POST', `${B}/rectifications/${rectificationId}/fix`, {
      fixedOn: '2026-09-02',
      version: 1,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('整改后的照片');
    const photo = await upload(town, `${B}/rectifications/${rectificationId}/photos?phase=after`);
    expect(photo.statusCode, photo.body).toBe(201);
    const fixed = await call(t.app, town, 'POST', `${B}/rectifications/${rectificationId}/fix`, {
      fixedOn: '2026-09-02',
      version: 2,
    });
    expect(fixed.json()).toMatchObject({
      status: 'fixed',
      isOverdue: false,
      afterPhotoIds: [photo.json().id],
    });
    const verified = await call(t.app, town, 'POST', `${B}/rectifications/${rectificationId}/verify`, {
      verifiedOn: '2026-09-03',
      version: 3,
    });
    expect(verified.json()).toMatchObject({ status: 'verified', verifiedByName: 'townA用户' });
    const img = await call(
      t.app,
      town,
      'GET',
      `${B}/rectifications/${rectificationId}/photos/${photo.json().id}`,
    );
    expect(img.headers['content-type']).toBe('image/jpeg');
  });

  it('editing keeps the inspection’s rubric version; a used rubric edited becomes version 2', async () => {
    const edited = await call(t.app, county, 'PATCH', `${B}/rubrics/${ids.rubric}`, {
      rules: { ...defaultRubricRules, thresholds: { clean: 70, model: 85, premium: 98 } },
      version: 1,
    });
    expect(edited.json()).toMatchObject({ versionNo: 2, isCurrent: true });
    expect(edited.json().id).not.toBe(ids.rubric);
    const current = await call(t.app, town, 'GET', `${B}/rubrics?isCurrent=1`);
    expect(current.json()).toMatchObject({ total: 1, items: [{ versionNo: 2 }] });
    const old = await call(t.app, county, 'GET', `${B}/rubrics/${ids.rubric}`);
    expect(old.json()).toMatchObject({ isCurrent: false, inspectionCount: 1 });
    const got = await call(t.app, town, 'GET', `${B}/inspections/${inspectionId}`);
    const re = await call(t.app, town, 'PATCH', `${B}/inspections/${inspectionId}`, {
      note: '复看',
      version: got.json().version,
    });
    expect(re.json()).toMatchObject({ rubricId: ids.rubric, rating: 'premium', totalScore: 97 });
    const stale = await call(t.app, town, 'PATCH', `${B}/inspections/${inspectionId}`, {
      note: '旧版本',
      version: got.json().version,
    });
    expect(stale.statusCode).toBe(409);
    // Back to one version for the rest of the story: the county deletes version 2.
    await call(t.app, county, 'DELETE', `${B}/rubrics/${edited.json().id}?version=1`);
  });

  it('the 评比会 confirms the month: rating, plaque, history, one rejection with its reason', async () => {
    await inspect(town, {
      householdId: ids.household2,
      inspectedOn: '2026-08-27',
      itemScores: [
        { itemCode: 'roomClean', score: 5 },
        { itemCode: 'yardOrder', score: 5 },
      ],
    });
    const computed = await call(t.app, town, 'POST', `${B}/reviews/compute`, {
      townId: org.units.townA.id,
      month: '2026-08',
    });
    expect(computed.statusCode, computed.body).toBe(200);
    const items = computed.json().items as {
      householdId: string;
      toRating: string;
      plaque: { kind: string } | null;
      key: string;
    }[];
    const mine = items.find((i) => i.householdId === ids.household);
    const other = items.find((i) => i.householdId === ids.household2);
    expect(mine).toMatchObject({ toRating: 'premium', plaque: { kind: 'award', toLevel: 'premium' } });
    expect(other).toMatchObject({ toRating: 'model', plaque: { kind: 'award', toLevel: 'model' } });
    const confirmed = await call(t.app, town, 'POST', `${B}/reviews/${computed.json().id}/confirm`, {
      meetingOn: '2026-09-05',
      rejected: [{ key: other?.key, reason: '群众有异议，下月复核' }],
      version: computed.json().version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', counts: { awards: 1, ratingChanges: 1 } });
    const list = await call(t.app, town, 'GET', `${B}/households?orgUnitId=${org.units.villageA1.id}`);
    const byId = Object.fromEntries(
      list.json().items.map((h: { householdId: string }) => [h.householdId, h]),
    );
    expect(byId[ids.household]).toMatchObject({
      rating: 'premium',
      plaqueLevel: 'premium',
      plaqueSince: '2026-09-05',
      ratedOn: '2026-08-31',
    });
    expect(byId[ids.household2]).toMatchObject({ rating: null, plaqueLevel: null });
    const again = await call(t.app, town, 'POST', `${B}/reviews/compute`, {
      townId: org.units.townA.id,
      month: '2026-08',
    });
    expect(again.statusCode).toBe(409);
  });

  it('two failed months in a row remove the plaque (摘牌) with the reason', async () => {
    const low = [
      { itemCode: 'roomClean', score: 0 },
      { itemCode: 'yardOrder', score: 0 },
      { itemCode: 'kitchen', score: 5 },
      { itemCode: 'toilet', score: 0 },
    ];
    for (const [month, day] of [
      ['2026-09', '2026-09-28'],
      ['2026-10', '2026-10-28'],
    ]) {
      const r = await inspect(town, { inspectedOn: day, itemScores: low });
      expect(r.json().rating, month).toBe(null);
    }
    const sep = await call(t.app, town, 'POST', `${B}/reviews/compute`, {
      townId: org.units.townA.id,
      month: '2026-09',
    });
    await call(t.app, town, 'POST', `${B}/reviews/${sep.json().id}/confirm`, {
      meetingOn: '2026-10-05',
      version: sep.json().version,
    });
    const oct = await call(t.app, town, 'POST', `${B}/reviews/compute`, {
      townId: org.units.townA.id,
      month: '2026-10',
    });
    const mine = oct.json().items.find((i: { householdId: string }) => i.householdId === ids.household);
    expect(mine.plaque).toMatchObject({ kind: 'removal', reason: '连续2次月底入户检查不合格' });
    await call(t.app, town, 'POST', `${B}/reviews/${oct.json().id}/confirm`, {
      meetingOn: '2026-11-05',
      version: oct.json().version,
    });
    const events = await call(t.app, town, 'GET', `${B}/plaque-events?householdId=${ids.household}`);
    expect(events.json().items.map((e: { kind: string }) => e.kind)).toContain('removal');
    const file = await call(t.app, town, 'GET', `${B}/households/${ids.household}/file`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.json().inspections).toHaveLength(3);
    expect(file.json().scoreTrend.map((s: { month: string }) => s.month)).toEqual([
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(file.json().household.plaqueLevel).toBe(null);
    expect(file.json().photos).toHaveLength(1);
  });

  it('the 公示 masks names and shows no phone, as JSON and as Word', async () => {
    const n = await call(
      t.app,
      town,
      'GET',
      `${B}/notices?orgUnitId=${org.units.villageA1.id}&month=2026-10`,
    );
    expect(n.statusCode, n.body).toBe(200);
    expect(n.json().blackList[0]).toMatchObject({ maskedName: '张*华', houseNumber: '8号' });
    expect(n.json().plaqueChanges[0]).toMatchObject({ maskedName: '张*华', kind: 'removal' });
    expect(n.body).not.toContain('张秀华');
    expect(n.body).not.toContain('1390000');
    const docx = await call(
      t.app,
      town,
      'GET',
      `${B}/notices/docx?orgUnitId=${org.units.villageA1.id}&month=2026-10`,
    );
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.rawPayload.toString('latin1')).not.toContain('张秀华');
  });

  it('the to-do list shows households not yet inspected in the month per group', async () => {
    const todo = await call(t.app, town, 'GET', `${B}/todo?month=2026-10`);
    expect(todo.statusCode, todo.body).toBe(200);
    const g = todo.json().groups.find((x: { groupId: string }) => x.groupId === ids.group);
    expect(g.villages[0]).toMatchObject({ villageId: org.units.villageA1.id, households: 2, inspected: 1 });
    expect(g.villages[0].pending.map((p: { householdId: string }) => p.householdId)).toEqual([
      ids.household2,
    ]);
  });

  it('featured courtyards use the configured categories', async () => {
    const res = await call(t.app, town, 'POST', `${B}/featured`, {
      householdId: ids.household,
      category: 'filialPiety',
      designatedOn: '2026-06-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const dup = await call(t.app, town, 'POST', `${B}/featured`, {
      householdId: ids.household,
      category: 'filialPiety',
      designatedOn: '2026-06-02',
    });
    expect(dup.statusCode).toBe(409);
    const bad = await call(t.app, town, 'POST', `${B}/featured`, {
      householdId: ids.household,
      category: 'nope',
      designatedOn: '2026-06-02',
    });
    expect(bad.statusCode).toBe(400);
    const townCfg = await call(t.app, town, 'PUT', `${B}/featured-categories`, {
      categories: [{ code: 'a', label: { zh: '甲', en: 'A' } }],
    });
    expect(townCfg.statusCode).toBe(403);
    const drop = await call(t.app, county, 'PUT', `${B}/featured-categories`, {
      categories: [{ code: 'books', label: { zh: '书香', en: 'Books' } }],
    });
    expect(drop.statusCode).toBe(400);
  });
});

describe('cross-org', () => {
  it('a sibling village and another town cannot read or write villageA1’s courtyard records', async () => {
    for (const who of ['villageA2', 'townB']) {
      const s = await login(t.app, who);
      const insp = await call(t.app, s, 'GET', `${B}/inspections?pageSize=200`);
      expect(insp.json().items).toEqual([]);
      expect((await call(t.app, s, 'GET', `${B}/households/${ids.household}/file`)).statusCode).toBe(404);
      expect((await inspect(s, { inspectedOn: '2026-11-02' })).statusCode).toBe(404);
      expect(
        (await call(t.app, s, 'GET', `${B}/notices?orgUnitId=${org.units.villageA1.id}&month=2026-10`))
          .statusCode,
      ).toBe(404);
      const hh = await call(t.app, s, 'GET', `${B}/households?pageSize=200`);
      expect(hh.body).not.toContain('东岭路');
    }
    const b = await login(t.app, 'townB');
    expect(
      (await call(t.app, b, 'POST', `${B}/reviews/compute`, { townId: org.units.townA.id, month: '2026-11' }))
        .statusCode,
    ).toBe(404);
    // The county rubric is inherited, so every unit may read it.
    expect((await call(t.app, b, 'GET', `${B}/rubrics/${ids.rubric}`)).statusCode).toBe(200);
  });

  it('a viewer reads but cannot write', async () => {
    const v = await login(t.app, 'viewerA');
    expect((await call(t.app, v, 'GET', `${B}/inspections`)).statusCode).toBe(200);
    expect((await inspect(v, { inspectedOn: '2026-11-02' })).statusCode).toBe(403);
  });
});
